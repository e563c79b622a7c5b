<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU">
<context>
    <name>ChartView</name>
    <message>
        <source>Copy</source>
        <translation>Копировать</translation>
    </message>
    <message>
        <source>Save PNG…</source>
        <translation>Сохранить PNG…</translation>
    </message>
    <message>
        <source>Save chart</source>
        <translation>Сохранить диаграмму</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>Изображения PNG (*.png)</translation>
    </message>
</context>
<context>
    <name>ContentStep</name>
    <message>
        <source>Content analysis</source>
        <translation>Контент-анализ</translation>
    </message>
    <message>
        <source>Run the content analysis</source>
        <translation>Запустить контент-анализ</translation>
    </message>
    <message>
        <source>Topic suggestions</source>
        <translation>Предложения тем</translation>
    </message>
    <message>
        <source>Question groups</source>
        <translation>Группы вопросов</translation>
    </message>
    <message>
        <source>Rising and falling</source>
        <translation>Рост и снижение</translation>
    </message>
    <message>
        <source>To publish</source>
        <translation>К публикации</translation>
    </message>
    <message>
        <source>Repeated requests</source>
        <translation>Повторные запросы</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Поиск</translation>
    </message>
    <message>
        <source>Confidence at least:</source>
        <translation>Уверенность не ниже:</translation>
    </message>
    <message>
        <source>Accept all above</source>
        <translation>Принять все выше порога</translation>
    </message>
    <message>
        <source>Accept selected</source>
        <translation>Принять выбранные</translation>
    </message>
    <message>
        <source>Accepted batches (each can be undone):</source>
        <translation>Принятые пакеты (каждый можно отменить):</translation>
    </message>
    <message>
        <source>Undo the batch</source>
        <translation>Отменить пакет</translation>
    </message>
    <message>
        <source>Red rows: candidate new questions (new this quarter or grown sharply). Name each one or dismiss it; the name goes into the справка.</source>
        <translation>Красные строки: возможные новые вопросы (появились в этом квартале или резко выросли). Дайте каждому название или отклоните; название попадёт в справку.</translation>
    </message>
    <message>
        <source>Name of the question group</source>
        <translation>Название группы вопросов</translation>
    </message>
    <message>
        <source>A name typed in Kazakh is kept for the Kazakh справка, one typed in Russian for the Russian справка: name the group in both languages, one after the other. A group named in one language only is called by its topic in the other.</source>
        <translation>Название на казахском сохраняется для справки на казахском языке, на русском — для справки на русском: назовите группу на обоих языках, одно за другим. Группа, названная только на одном языке, на другом называется по своей теме.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Назвать</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Отклонить</translation>
    </message>
    <message>
        <source>Clear the decision</source>
        <translation>Сбросить решение</translation>
    </message>
    <message>
        <source>Phrases that rose against the previous quarters:</source>
        <translation>Фразы, частота которых выросла по сравнению с прошлыми кварталами:</translation>
    </message>
    <message>
        <source>Phrases that fell:</source>
        <translation>Фразы, частота которых снизилась:</translation>
    </message>
    <message>
        <source>Double-click a phrase to find its requests in every quarter.</source>
        <translation>Дважды щёлкните фразу, чтобы найти запросы с ней во всех кварталах.</translation>
    </message>
    <message>
        <source>Save the group&apos;s requests…</source>
        <translation>Сохранить запросы группы…</translation>
    </message>
    <message>
        <source>Open the group&apos;s requests</source>
        <translation>Открыть запросы группы</translation>
    </message>
    <message>
        <source>No data yet: import the exports on the Import step.</source>
        <translation>Данных пока нет: импортируйте выгрузки на шаге «Импорт».</translation>
    </message>
    <message>
        <source>The imported exports have no question text column, so there is nothing to analyse. On the Import step choose the field &quot;Question text&quot; for the column with the request&apos;s text and import the file again.</source>
        <translation>В импортированных выгрузках нет столбца с текстом вопроса, поэтому анализировать нечего. На шаге «Импорт» выберите для столбца с текстом запроса поле «Текст вопроса» и импортируйте файл заново.</translation>
    </message>
    <message>
        <source>The content analysis of %1 has not been run yet: press the button.</source>
        <translation>Контент-анализ за %1 ещё не выполнен: нажмите кнопку.</translation>
    </message>
    <message>
        <source>No open suggestion is at or above this confidence.</source>
        <translation>Нет открытых предложений с такой или более высокой уверенностью.</translation>
    </message>
    <message>
        <source>%1 requests would get the suggested topic.</source>
        <translation>Предложенную тему получат запросы: %1.</translation>
    </message>
    <message>
        <source>%1: %2 requests with a text, %3 distinct texts</source>
        <translation>%1: запросов с текстом — %2, различных текстов — %3</translation>
    </message>
    <message>
        <source>compared with %1</source>
        <translation>в сравнении с %1</translation>
    </message>
    <message>
        <source>Requests without a topic or under a catch-all topic: %1. Too few texts with a topic (%2) to measure how often a suggestion is right, so every suggestion is marked uncertain. Nothing changes until you accept.</source>
        <translation>Запросов без темы или с общей темой («Прочее»): %1. Текстов с темой слишком мало (%2), чтобы измерить, как часто предложение верно, поэтому каждое предложение помечено как неуверенное. Ничего не меняется, пока вы не примете.</translation>
    </message>
    <message>
        <source>Requests without a topic or under a catch-all topic: %1. Suggestions learned from %2 labelled texts (%3 topics), right %4 of the time on texts held out; below %5 a suggestion is marked uncertain. Nothing changes until you accept.</source>
        <translation>Запросов без темы или с общей темой («Прочее»): %1. Предложения обучены на %2 размеченных текстах (тем: %3), на отложенных текстах верны в %4 случаев; ниже %5 предложение помечается как неуверенное. Ничего не меняется, пока вы не примете предложения.</translation>
    </message>
    <message>
        <source>Marked uncertain: %1 of the suggestions.</source>
        <translation>Отмечены как неуверенные: %1 предложений.</translation>
    </message>
    <message>
        <source>the quarter covers %1 days and its comparison %2: earlier counts are scaled by days</source>
        <translation>квартал охватывает %1 дн., период сравнения — %2: прежние числа пересчитаны по дням</translation>
    </message>
    <message>
        <source>uncertain</source>
        <translation>неуверенно</translation>
    </message>
    <message>
        <source>The table lists the %1 most confident of %2 open suggestions; &quot;Accept all above&quot; takes all of them.</source>
        <translation>В таблице — %1 самых уверенных из %2 открытых предложений; «Принять все выше порога» принимает их все.</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>Запрос</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>Вопрос</translation>
    </message>
    <message>
        <source>Suggested topic</source>
        <translation>Предлагаемая тема</translation>
    </message>
    <message>
        <source>Confidence</source>
        <translation>Уверенность</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Метка</translation>
    </message>
    <message>
        <source>%1, %2: %3 requests</source>
        <translation>%1, %2: запросов — %3</translation>
    </message>
    <message>
        <source>dismissed</source>
        <translation>отклонено</translation>
    </message>
    <message>
        <source>to decide</source>
        <translation>нужно решение</translation>
    </message>
    <message>
        <source>new</source>
        <translation>новая</translation>
    </message>
    <message>
        <source>grew</source>
        <translation>рост</translation>
    </message>
    <message>
        <source>Key phrases</source>
        <translation>Ключевые фразы</translation>
    </message>
    <message>
        <source>Example</source>
        <translation>Пример</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>Запросы</translation>
    </message>
    <message>
        <source>Previous quarter</source>
        <translation>Предыдущий квартал</translation>
    </message>
    <message>
        <source>Change, %</source>
        <translation>Изменение, %</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>Тема</translation>
    </message>
    <message>
        <source>Candidate</source>
        <translation>Кандидат</translation>
    </message>
    <message>
        <source>Your decision</source>
        <translation>Ваше решение</translation>
    </message>
    <message>
        <source>Phrase</source>
        <translation>Фраза</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>Ранее</translation>
    </message>
    <message>
        <source>No phrase rose or fell clearly enough against the earlier quarters to stand out from chance.</source>
        <translation>Ни одна фраза не выросла и не снизилась по сравнению с прошлыми кварталами настолько, чтобы это нельзя было списать на случайность.</translation>
    </message>
    <message>
        <source>Repeated requests (the same wording by the same applicant or about the same place): %1 repeats in %2 groups (%3 requests of %4).</source>
        <translation>Повторные запросы (одна и та же формулировка от одного заявителя или об одном и том же месте): %1 повторов в %2 группах (%3 запросов из %4).</translation>
    </message>
    <message>
        <source>Held together by the same applicant: %1 requests. Requests that came with an IIN or a phone (kept only as an opaque key): %2.</source>
        <translation>Связаны одним заявителем: %1 запросов. Запросы, поступившие с ИИН или телефоном (хранятся только как обезличенный ключ): %2.</translation>
    </message>
    <message>
        <source>Requests whose wording is shared but names no place and no applicant (not counted as repeats): %1.</source>
        <translation>Запросы с одинаковой формулировкой без указания места и заявителя (повторами не считаются): %1.</translation>
    </message>
    <message>
        <source>Many copies of one text are often a campaign: check them before calling a rise a trend.</source>
        <translation>Много копий одного текста часто означает организованную кампанию: проверьте их, прежде чем считать рост тенденцией.</translation>
    </message>
    <message>
        <source>Accepted topic suggestions: %1 requests. Stages 1-3 are counted again.</source>
        <translation>Принятые предложения тем: запросов — %1. Этапы 1–3 пересчитываются.</translation>
    </message>
    <message>
        <source>Undone: %1 requests have their earlier topic back.</source>
        <translation>Отменено: %1 запросам возвращена прежняя тема.</translation>
    </message>
</context>
<context>
    <name>FaqPage</name>
    <message>
        <source>Questions to publish (§5.3, §18): a real question of each group, or one drafted from its name where the group holds none. Accept, edit or drop each: the справка quotes only the accepted ones.</source>
        <translation>Вопросы для публикации (§5.3, §18): настоящий вопрос из каждой группы или составленный по её названию, если в группе нет вопроса. Примите, исправьте или отклоните каждый: в справку попадают только принятые.</translation>
    </message>
    <message>
        <source>The question as it will be published</source>
        <translation>Вопрос в том виде, в каком он будет опубликован</translation>
    </message>
    <message>
        <source>Accept</source>
        <translation>Принять</translation>
    </message>
    <message>
        <source>Drop</source>
        <translation>Отклонить</translation>
    </message>
    <message>
        <source>Clear the decision</source>
        <translation>Снять решение</translation>
    </message>
    <message>
        <source>accepted</source>
        <translation>принят</translation>
    </message>
    <message>
        <source>dropped</source>
        <translation>отклонён</translation>
    </message>
    <message>
        <source>drafted</source>
        <translation>составлен</translation>
    </message>
    <message>
        <source>quoted</source>
        <translation>из запроса</translation>
    </message>
    <message>
        <source>to decide</source>
        <translation>нужно решение</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>Вопрос</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>Запросы</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>Тема</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Источник</translation>
    </message>
    <message>
        <source>Your decision</source>
        <translation>Ваше решение</translation>
    </message>
    <message>
        <source>Save the requests of the group</source>
        <translation>Сохранить запросы группы</translation>
    </message>
</context>
<context>
    <name>FrameView</name>
    <message>
        <source>Copy for Excel</source>
        <translation>Копировать для Excel</translation>
    </message>
    <message>
        <source>Copy the whole table</source>
        <translation>Копировать всю таблицу</translation>
    </message>
</context>
<context>
    <name>GroupRequestsDialog</name>
    <message>
        <source>Requests of group %1</source>
        <translation>Запросы группы %1</translation>
    </message>
    <message>
        <source>%1 requests of the quarter %2 in this group. Personal data in the texts is masked.</source>
        <translation>Запросов квартала %2 в этой группе: %1. Персональные данные в текстах скрыты.</translation>
    </message>
    <message>
        <source>Export to .xlsx…</source>
        <translation>Выгрузить в .xlsx…</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>Запрос</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Дата</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>Регион</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Текст</translation>
    </message>
    <message>
        <source>Save the requests of the group</source>
        <translation>Сохранить запросы группы</translation>
    </message>
</context>
<context>
    <name>ImportStep</name>
    <message>
        <source>Import</source>
        <translation>Импорт</translation>
    </message>
    <message>
        <source>Add the contact centre&apos;s exports (Excel or CSV) with the button or by dragging them here. Check the sheet, the header row and the field of each column, then import. Your column choices are remembered for files of the same name.</source>
        <translation>Добавьте выгрузки контакт-центра (Excel или CSV) кнопкой или перетащите их сюда. Проверьте лист, строку заголовков и поле каждого столбца, затем импортируйте. Выбор столбцов запоминается для файлов с тем же именем.</translation>
    </message>
    <message>
        <source>Add files…</source>
        <translation>Добавить файлы…</translation>
    </message>
    <message>
        <source>Remove from the list</source>
        <translation>Убрать из списка</translation>
    </message>
    <message>
        <source>Sheet:</source>
        <translation>Лист:</translation>
    </message>
    <message>
        <source>Header row:</source>
        <translation>Строка заголовков:</translation>
    </message>
    <message>
        <source>Column in the file</source>
        <translation>Столбец в файле</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Поле</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>Столбцы</translation>
    </message>
    <message>
        <source>Preview after normalisation</source>
        <translation>Просмотр после нормализации</translation>
    </message>
    <message>
        <source>Values not recognised in this file</source>
        <translation>Нераспознанные значения в этом файле</translation>
    </message>
    <message>
        <source>Files to import</source>
        <translation>Файлы для импорта</translation>
    </message>
    <message>
        <source>Values not recognised</source>
        <translation>Нераспознанные значения</translation>
    </message>
    <message>
        <source>Imported files</source>
        <translation>Импортированные файлы</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Файл</translation>
    </message>
    <message>
        <source>Sheet</source>
        <translation>Лист</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>Импортирован</translation>
    </message>
    <message>
        <source>Rows read</source>
        <translation>Прочитано строк</translation>
    </message>
    <message>
        <source>Rows stored</source>
        <translation>Сохранено строк</translation>
    </message>
    <message>
        <source>Duplicates</source>
        <translation>Дубликаты</translation>
    </message>
    <message>
        <source>Values not recognised (%1)</source>
        <translation>Нераспознанные значения (%1)</translation>
    </message>
    <message>
        <source>Add exports</source>
        <translation>Добавить выгрузки</translation>
    </message>
    <message>
        <source>Chosen by the column&apos;s values: %1 % of them are values of the field “%2”.</source>
        <translation>Выбрано по значениям столбца: %1 % из них — значения поля «%2».</translation>
    </message>
    <message>
        <source>Imported before, so not counted again: %1.</source>
        <translation>Уже импортированы ранее, поэтому не учтены повторно: %1.</translation>
    </message>
    <message>
        <source>(not used)</source>
        <translation>(не используется)</translation>
    </message>
    <message>
        <source>Exports (*.xlsx *.xlsm *.xls *.ods *.csv *.txt *.htm *.html *.xml)</source>
        <translation>Выгрузки (*.xlsx *.xlsm *.xls *.ods *.csv *.txt *.htm *.html *.xml)</translation>
    </message>
    <message>
        <source>Not used, but %1 % of its values are values of the field “%2”. Choose that field if the column holds it.</source>
        <translation>Не используется, но %1 % его значений — значения поля «%2». Если столбец содержит это поле, выберите его.</translation>
    </message>
    <message>
        <source>Import cancelled.</source>
        <translation>Импорт отменён.</translation>
    </message>
    <message>
        <source>%1 (%2 requests)</source>
        <translation>%1 (запросов: %2)</translation>
    </message>
    <message>
        <source>Kept in the project: %1.</source>
        <translation>Сохранено в проекте: %1.</translation>
    </message>
    <message>
        <source>Not imported: %1 (still on the list; press Import to import them).</source>
        <translation>Не импортированы: %1 (остались в списке; нажмите «Импортировать», чтобы импортировать их).</translation>
    </message>
    <message>
        <source>Imported %1 requests (%2 duplicates counted once).</source>
        <translation>Импортировано запросов: %1 (дубликатов, учтённых один раз: %2).</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>kcdesk — requests to contact centres</source>
        <translation>kcdesk — запросы в контакт-центры</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Файл</translation>
    </message>
    <message>
        <source>&amp;New project…</source>
        <translation>&amp;Новый проект…</translation>
    </message>
    <message>
        <source>&amp;Open project…</source>
        <translation>&amp;Открыть проект…</translation>
    </message>
    <message>
        <source>Open the &amp;demo project</source>
        <translation>Открыть &amp;демо-проект</translation>
    </message>
    <message>
        <source>&amp;Recent projects</source>
        <translation>&amp;Недавние проекты</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Сохранить</translation>
    </message>
    <message>
        <source>&amp;Close project</source>
        <translation>&amp;Закрыть проект</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Выход</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Язык</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Помощь</translation>
    </message>
    <message>
        <source>How to use kcdesk</source>
        <translation>Как работать с kcdesk</translation>
    </message>
    <message>
        <source>&amp;Steps</source>
        <translation>&amp;Шаги</translation>
    </message>
    <message>
        <source>&lt; Back</source>
        <translation>&lt; Назад</translation>
    </message>
    <message>
        <source>Next &gt;</source>
        <translation>Далее &gt;</translation>
    </message>
    <message>
        <source>Open the &amp;log folder</source>
        <translation>Открыть папку &amp;журнала</translation>
    </message>
    <message>
        <source>&amp;About kcdesk</source>
        <translation>&amp;О программе kcdesk</translation>
    </message>
    <message>
        <source>Quarter:</source>
        <translation>Квартал:</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <source>New project</source>
        <translation>Новый проект</translation>
    </message>
    <message>
        <source>kcdesk projects (*.kcdesk)</source>
        <translation>Проекты kcdesk (*.kcdesk)</translation>
    </message>
    <message>
        <source>%1 already exists and is kept as it is. Open it?</source>
        <translation>%1 уже существует и останется без изменений. Открыть его?</translation>
    </message>
    <message>
        <source>Open project</source>
        <translation>Открыть проект</translation>
    </message>
    <message>
        <source>This project is also open in another kcdesk (process %1 on %2, since %3). Changes made in both windows are all kept, but the other window will not show yours until it reloads.</source>
        <translation>Этот проект открыт и в другом окне kcdesk (процесс %1 на %2, с %3). Изменения из обоих окон сохраняются, но другое окно увидит ваши только после повторного открытия проекта.</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Сохранено.</translation>
    </message>
    <message>
        <source>Project: %1</source>
        <translation>Проект: %1</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>Импорт…</translation>
    </message>
    <message>
        <source>Analysing…</source>
        <translation>Анализ…</translation>
    </message>
    <message>
        <source>Reading the file…</source>
        <translation>Чтение файла…</translation>
    </message>
    <message>
        <source>Writing the справка…</source>
        <translation>Формирование справки…</translation>
    </message>
    <message>
        <source>Working…</source>
        <translation>Выполняется…</translation>
    </message>
    <message>
        <source>Preparing the demo project…</source>
        <translation>Подготовка демо-проекта…</translation>
    </message>
    <message>
        <source>Import: building the indexes…</source>
        <translation>Импорт: построение индексов…</translation>
    </message>
    <message>
        <source>%1 of %2: %3, reading and storing</source>
        <translation>%1 из %2: %3, чтение и запись</translation>
    </message>
    <message>
        <source>Importing %1…</source>
        <translation>Импорт %1…</translation>
    </message>
    <message>
        <source>Help</source>
        <translation>Помощь</translation>
    </message>
    <message>
        <source>1. Import: add the contact centre&apos;s exports, check the columns and fix values that were not recognised.
2. Stage 1: totals, regions and topics against the previous quarter and a year ago; write the reasons for topics over +30 %.
3. Stage 2: the top 10 questions.
4. Stage 3: the social portrait.
5. Content analysis: topic suggestions, question groups, the FAQ.
6. Справка: edit the text, fill in the signatory and save the справка.

Everything you type is saved in the project file as you go.</source>
        <translation>1. Импорт: добавьте выгрузки контакт-центра, проверьте столбцы и исправьте нераспознанные значения.
2. Этап 1: итоги, регионы и темы в сравнении с предыдущим кварталом и годом ранее; укажите причины по темам с ростом более 30 %.
3. Этап 2: топ-10 вопросов.
4. Этап 3: социальный портрет.
5. Контент-анализ: предложения тем, группы вопросов, часто задаваемые вопросы.
6. Справка: отредактируйте текст, заполните данные подписанта и сохраните справку.

Всё, что вы вводите, сразу сохраняется в файле проекта.</translation>
    </message>
    <message>
        <source>About kcdesk</source>
        <translation>О программе kcdesk</translation>
    </message>
    <message>
        <source>kcdesk %1

Quarterly analysis of citizens&apos; requests to contact centres under the Methodology (order No. 114-НҚ, 2024). Works offline; your data never leaves this computer.

Map: geokz, Alexander Rodionov, CC BY 4.0.</source>
        <translation>kcdesk %1

Ежеквартальный анализ запросов граждан в контакт-центры по Методике (приказ № 114-НҚ, 2024). Работает без сети; ваши данные не покидают этот компьютер.

Карта: geokz, Alexander Rodionov, CC BY 4.0.</translation>
    </message>
    <message>
        <source>An import is running</source>
        <translation>Идёт импорт</translation>
    </message>
    <message>
        <source>An import is still running. Stop it and close kcdesk?

The file being imported now is not kept; files already finished stay in the project and are listed on the Import step.</source>
        <translation>Импорт ещё идёт. Остановить его и закрыть kcdesk?

Файл, который импортируется сейчас, не сохранится; уже завершённые файлы останутся в проекте и показаны на шаге «Импорт».</translation>
    </message>
</context>
<context>
    <name>MapPanel</name>
    <message>
        <source>Colour by:</source>
        <translation>Раскраска:</translation>
    </message>
    <message>
        <source>Topic:</source>
        <translation>Тема:</translation>
    </message>
    <message>
        <source>Population…</source>
        <translation>Население…</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>Запросы</translation>
    </message>
    <message>
        <source>Change against the previous quarter</source>
        <translation>Изменение к предыдущему кварталу</translation>
    </message>
    <message>
        <source>Requests per 10,000 residents</source>
        <translation>Запросы на 10 000 жителей</translation>
    </message>
    <message>
        <source>All topics</source>
        <translation>Все темы</translation>
    </message>
    <message>
        <source>Enter the population of the regions first (the Population… button); kcdesk ships no population figures.</source>
        <translation>Сначала введите население регионов (кнопка «Население…»); kcdesk не содержит данных о населении.</translation>
    </message>
    <message>
        <source>Requests by region</source>
        <translation>Запросы по регионам</translation>
    </message>
    <message>
        <source>Change against the previous quarter, %</source>
        <translation>Изменение к предыдущему кварталу, %</translation>
    </message>
    <message>
        <source>Region not stated: %1</source>
        <translation>Регион не указан: %1</translation>
    </message>
</context>
<context>
    <name>PopulationDialog</name>
    <message>
        <source>Population of the regions</source>
        <translation>Население регионов</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>Регион</translation>
    </message>
    <message>
        <source>Residents</source>
        <translation>Жителей</translation>
    </message>
    <message>
        <source>Paste from Excel</source>
        <translation>Вставить из Excel</translation>
    </message>
    <message>
        <source>kcdesk ships no population figures: type them or paste two columns (region, residents) or one column in this order from Excel.</source>
        <translation>kcdesk не содержит данных о населении: введите их или вставьте из Excel два столбца (регион, жители) либо один столбец в этом порядке.</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <source>&amp;Look in:</source>
        <translation>&amp;Папка:</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>&amp;Тип файлов:</translation>
    </message>
    <message>
        <source>Look in:</source>
        <translation>Папка:</translation>
    </message>
    <message>
        <source>Files of type:</source>
        <translation>Тип файлов:</translation>
    </message>
</context>
<context>
    <name>ReadinessPanel</name>
    <message>
        <source>What a head of department would send back. Saving is still allowed; each button opens the place where the item is filled in.</source>
        <translation>То, что руководитель вернул бы на доработку. Сохранить можно и сейчас; каждая кнопка открывает место, где заполняется этот пункт.</translation>
    </message>
    <message>
        <source>Before signing</source>
        <translation>Перед подписанием</translation>
    </message>
    <message>
        <source>Topics without a name in the language of the справка</source>
        <translation>Темы без названия на языке справки</translation>
    </message>
    <message>
        <source>Topic as in the export</source>
        <translation>Тема, как в выгрузке</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>Запросы</translation>
    </message>
    <message>
        <source>Name in the справка&apos;s language</source>
        <translation>Название на языке справки</translation>
    </message>
    <message>
        <source>Save the names</source>
        <translation>Сохранить названия</translation>
    </message>
    <message>
        <source>Stage 1…</source>
        <translation>Этап 1…</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>Импорт…</translation>
    </message>
    <message>
        <source>Details…</source>
        <translation>Реквизиты…</translation>
    </message>
    <message>
        <source>Below…</source>
        <translation>К тексту…</translation>
    </message>
    <message>
        <source>Nothing left: the справка can be signed as it is.</source>
        <translation>Замечаний нет: справку можно подписывать в таком виде.</translation>
    </message>
</context>
<context>
    <name>ReportDetails</name>
    <message>
        <source>Draft</source>
        <translation>Черновик</translation>
    </message>
    <message>
        <source>Submitted to the head</source>
        <translation>Представлена руководителю</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>Утверждена</translation>
    </message>
    <message>
        <source>Posted</source>
        <translation>Размещена</translation>
    </message>
    <message>
        <source>Signatory and contact centre (the same for every quarter)</source>
        <translation>Подписант и контакт-центр (одинаковы для всех кварталов)</translation>
    </message>
    <message>
        <source>Body (in Kazakh)</source>
        <translation>Госорган (на казахском)</translation>
    </message>
    <message>
        <source>Body (in Russian)</source>
        <translation>Госорган (на русском)</translation>
    </message>
    <message>
        <source>Contact centre (in Kazakh)</source>
        <translation>Контакт-центр (на казахском)</translation>
    </message>
    <message>
        <source>Contact centre (in Russian)</source>
        <translation>Контакт-центр (на русском)</translation>
    </message>
    <message>
        <source>Contact centre phone</source>
        <translation>Телефон контакт-центра</translation>
    </message>
    <message>
        <source>Signatory</source>
        <translation>Подписант</translation>
    </message>
    <message>
        <source>Signatory&apos;s position (in Kazakh)</source>
        <translation>Должность подписанта (на казахском)</translation>
    </message>
    <message>
        <source>Signatory&apos;s position (in Russian)</source>
        <translation>Должность подписанта (на русском)</translation>
    </message>
    <message>
        <source>Executor (name, for the &apos;Исп./Орынд.&apos; line)</source>
        <translation>Исполнитель (Ф.И.О. для строки «Исп.»)</translation>
    </message>
    <message>
        <source>Executor&apos;s phone</source>
        <translation>Телефон исполнителя</translation>
    </message>
    <message>
        <source>State of the справка</source>
        <translation>Состояние справки</translation>
    </message>
    <message>
        <source>Set</source>
        <translation>Установить</translation>
    </message>
    <message>
        <source>Deadlines of this quarter</source>
        <translation>Сроки этого квартала</translation>
    </message>
    <message>
        <source>Now: %1</source>
        <translation>Сейчас: %1</translation>
    </message>
    <message>
        <source>Analysis and справка (§3, the 5th)</source>
        <translation>Анализ и справка (п. 3, до 5-го числа)</translation>
    </message>
    <message>
        <source>End of the 10-working-day window (§5)</source>
        <translation>Конец срока в 10 рабочих дней (п. 5)</translation>
    </message>
    <message>
        <source>Posting on the website (§16, the 25th)</source>
        <translation>Размещение на сайте (п. 16, до 25-го числа)</translation>
    </message>
    <message>
        <source>passed</source>
        <translation>срок прошёл</translation>
    </message>
    <message>
        <source>today</source>
        <translation>сегодня</translation>
    </message>
    <message numerus="yes">
        <source>%n working day(s) left</source>
        <translation>
            <numerusform>остался %n рабочий день</numerusform>
            <numerusform>осталось %n рабочих дня</numerusform>
            <numerusform>осталось %n рабочих дней</numerusform>
        </translation>
    </message>
    <message>
        <source> (the %1 is a day off)</source>
        <translation> (%1 — выходной день)</translation>
    </message>
    <message>
        <source>The справка cannot be marked &quot;%1&quot; yet: fill in %2 on this tab first.</source>
        <translation>Справку пока нельзя отметить как «%1»: сначала заполните на этой вкладке: %2.</translation>
    </message>
</context>
<context>
    <name>ReportStep</name>
    <message>
        <source>The справка</source>
        <translation>Справка</translation>
    </message>
    <message>
        <source>Language of the справка:</source>
        <translation>Язык справки:</translation>
    </message>
    <message>
        <source>Save .docx…</source>
        <translation>Сохранить .docx…</translation>
    </message>
    <message>
        <source>Save .xlsx…</source>
        <translation>Сохранить .xlsx…</translation>
    </message>
    <message>
        <source>Save PDF…</source>
        <translation>Сохранить PDF…</translation>
    </message>
    <message>
        <source>Save work plans…</source>
        <translation>Сохранить планы работы…</translation>
    </message>
    <message>
        <source>Template: %1</source>
        <translation>Шаблон: %1</translation>
    </message>
    <message>
        <source>standard</source>
        <translation>стандартный</translation>
    </message>
    <message>
        <source>The text is drafted from the analysis. Edit any paragraph: your text is saved in the project as you type and replaces the draft; clear a paragraph to get the draft back.</source>
        <translation>Текст составлен по результатам анализа. Редактируйте любой абзац: ваш текст сохраняется в проекте по мере ввода и заменяет черновик; очистите абзац, чтобы вернуть черновик.</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Текст</translation>
    </message>
    <message>
        <source>Details, state and deadlines</source>
        <translation>Реквизиты, состояние и сроки</translation>
    </message>
    <message>
        <source>Before signing (%1)</source>
        <translation>Перед подписанием (%1)</translation>
    </message>
    <message>
        <source>Before signing</source>
        <translation>Перед подписанием</translation>
    </message>
    <message>
        <source>You wrote this paragraph in the other language only: the draft in the language of the справка is shown; write yours here.</source>
        <translation>Этот абзац написан вами только на другом языке: здесь показан проект на языке справки; напишите свой текст здесь.</translation>
    </message>
    <message>
        <source>Fill in the signatory and the body on the &quot;Details&quot; tab before sending the справка.</source>
        <translation>Перед отправкой справки заполните подписанта и госорган на вкладке «Реквизиты».</translation>
    </message>
    <message>
        <source>Template of the справка</source>
        <translation>Шаблон справки</translation>
    </message>
    <message>
        <source>Folder for the work plans</source>
        <translation>Папка для планов работы</translation>
    </message>
    <message>
        <source>Word documents (*.docx)</source>
        <translation>Документы Word (*.docx)</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Книги Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Файлы PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Save the справка</source>
        <translation>Сохранить справку</translation>
    </message>
    <message>
        <source>Saved: %1</source>
        <translation>Сохранено: %1</translation>
    </message>
</context>
<context>
    <name>SearchPage</name>
    <message>
        <source>Words to find in every question of the project; &quot;…&quot; for a phrase</source>
        <translation>Слова для поиска во всех вопросах проекта; &quot;…&quot; — точная фраза</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>Найти</translation>
    </message>
    <message>
        <source>Requests found for «%1»: %2 (the examples below are the best matches).</source>
        <translation>Найдено запросов со словами «%1»: %2 (ниже — наиболее подходящие примеры).</translation>
    </message>
    <message>
        <source>Quarter</source>
        <translation>Квартал</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>Запросы</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>Регион</translation>
    </message>
    <message>
        <source>topic not stated</source>
        <translation>тема не указана</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>Тема</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>Вопрос</translation>
    </message>
</context>
<context>
    <name>Session</name>
    <message>
        <source>Please wait: another task is still running.</source>
        <translation>Подождите: ещё выполняется другая задача.</translation>
    </message>
</context>
<context>
    <name>Stage1Step</name>
    <message>
        <source>Stage 1 — the situation</source>
        <translation>Этап 1 — текущая ситуация</translation>
    </message>
    <message>
        <source>Red rows: topics up by more than 30 % against the same quarter a year ago, or new since then. &quot;few&quot;: counts too small for the percentage to mean much (the rule still applies). Click a column header to sort; Ctrl+C copies.</source>
        <translation>Красные строки: темы с ростом более 30 % к тому же кварталу прошлого года или новые с тех пор. «мало»: числа слишком малы, чтобы процент был показателен (правило всё равно действует). Щёлкните заголовок столбца для сортировки; Ctrl+C копирует.</translation>
    </message>
    <message>
        <source>Red rows: topics up by more than 30 % or new this quarter. &quot;few&quot;: counts too small for the percentage to mean much (the rule still applies). Click a column header to sort; Ctrl+C copies.</source>
        <translation>Красные строки: темы с ростом более 30 % или новые в этом квартале. «мало»: числа слишком малы, чтобы процент был показателен (правило всё равно действует). Щёлкните заголовок столбца для сортировки; Ctrl+C копирует.</translation>
    </message>
    <message>
        <source>The +30 % rule (§11) compares with:</source>
        <translation>Правило +30 % (п. 11) сравнивает с:</translation>
    </message>
    <message>
        <source>the previous quarter (the Methodology&apos;s default)</source>
        <translation>предыдущим кварталом (по умолчанию, как в Методике)</translation>
    </message>
    <message>
        <source>the same quarter a year ago</source>
        <translation>тем же кварталом прошлого года</translation>
    </message>
    <message>
        <source>Topics</source>
        <translation>Темы</translation>
    </message>
    <message>
        <source>Regions</source>
        <translation>Регионы</translation>
    </message>
    <message>
        <source>Channels and reference totals</source>
        <translation>Каналы и контрольные итоги</translation>
    </message>
    <message>
        <source>Chart</source>
        <translation>Диаграмма</translation>
    </message>
    <message>
        <source>Map</source>
        <translation>Карта</translation>
    </message>
    <message>
        <source>Topics over +30 % and new topics:</source>
        <translation>Темы с ростом более 30 % и новые темы:</translation>
    </message>
    <message>
        <source>Topic catalogue: rename, names in kk/ru, merge…</source>
        <translation>Каталог тем: переименовать, названия на казахском и русском, объединить…</translation>
    </message>
    <message>
        <source>A double click on a topic opens it in the catalogue.</source>
        <translation>Двойной щелчок по теме открывает её в каталоге.</translation>
    </message>
    <message>
        <source>Your reasons for the change, in each language of the справка (saved as you type):</source>
        <translation>Причины изменения, на каждом языке справки (сохраняются по мере ввода):</translation>
    </message>
    <message>
        <source>Reference totals (S1.5)</source>
        <translation>Контрольные итоги (S1.5)</translation>
    </message>
    <message>
        <source>Qlik module total:</source>
        <translation>Итог модуля Qlik:</translation>
    </message>
    <message>
        <source>Other channels total:</source>
        <translation>Итог по другим каналам:</translation>
    </message>
    <message>
        <source>No data yet: import the exports on the Import step.</source>
        <translation>Данных пока нет: импортируйте выгрузки на шаге «Импорт».</translation>
    </message>
    <message>
        <source>Requests in %1: %2</source>
        <translation>Запросов за %1: %2</translation>
    </message>
    <message>
        <source>previous quarter: %1, change %2</source>
        <translation>предыдущий квартал: %1, изменение %2</translation>
    </message>
    <message>
        <source>a year ago: %1, change %2</source>
        <translation>год назад: %1, изменение %2</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>Тема</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>Запросы</translation>
    </message>
    <message>
        <source>Previous quarter</source>
        <translation>Предыдущий квартал</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Изменение</translation>
    </message>
    <message>
        <source>Change, %</source>
        <translation>Изменение, %</translation>
    </message>
    <message>
        <source>A year ago</source>
        <translation>Год назад</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Метка</translation>
    </message>
    <message>
        <source>Change on a year ago, %</source>
        <translation>Изменение к прошлому году, %</translation>
    </message>
    <message>
        <source>new</source>
        <translation>новая</translation>
    </message>
    <message>
        <source>few</source>
        <translation>мало</translation>
    </message>
    <message>
        <source>over +30 %</source>
        <translation>рост более 30 %</translation>
    </message>
    <message>
        <source>small counts</source>
        <translation>малые числа</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>Регион</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Канал</translation>
    </message>
    <message>
        <source>Qlik module</source>
        <translation>Модуль Qlik</translation>
    </message>
    <message>
        <source>Other channels</source>
        <translation>Другие каналы</translation>
    </message>
    <message>
        <source>%1: %2 entered, %3 imported, difference %4</source>
        <translation>%1: введено %2, импортировано %3, разница %4</translation>
    </message>
    <message>
        <source>Enter the totals to compare them with the import.</source>
        <translation>Введите итоги, чтобы сравнить их с импортированными данными.</translation>
    </message>
    <message>
        <source>Requests by region</source>
        <translation>Запросы по регионам</translation>
    </message>
    <message>
        <source>In Kazakh</source>
        <translation>На казахском</translation>
    </message>
    <message>
        <source>In Russian</source>
        <translation>На русском</translation>
    </message>
    <message>
        <source>not written yet</source>
        <translation>еще не написано</translation>
    </message>
    <message>
        <source>Regions that grew most:</source>
        <translation>Наибольший рост по регионам:</translation>
    </message>
    <message>
        <source>Channels that grew most:</source>
        <translation>Наибольший рост по каналам:</translation>
    </message>
    <message>
        <source>No topic is over +30 % this quarter.</source>
        <translation>В этом квартале нет тем с ростом более 30 %.</translation>
    </message>
</context>
<context>
    <name>Stage2Step</name>
    <message>
        <source>Stage 2 — the top 10</source>
        <translation>Этап 2 — топ-10</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>Показать:</translation>
    </message>
    <message>
        <source>Topics with equal counts share a rank (yellow rows), so a list can hold more than ten lines. Red bars: topics over +30 % or new.</source>
        <translation>Темы с одинаковым числом запросов делят место (жёлтые строки), поэтому в списке может быть больше десяти строк. Красные столбцы: темы с ростом более 30 % или новые.</translation>
    </message>
    <message>
        <source>Country-wide</source>
        <translation>По всей стране</translation>
    </message>
    <message>
        <source>All regions side by side</source>
        <translation>Все регионы рядом</translation>
    </message>
    <message>
        <source>No data yet: import the exports on the Import step.</source>
        <translation>Данных пока нет: импортируйте выгрузки на шаге «Импорт».</translation>
    </message>
    <message>
        <source>Rank</source>
        <translation>Место</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>Тема</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>Запросы</translation>
    </message>
    <message>
        <source>Share of the top, %</source>
        <translation>Доля в топе, %</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Строка</translation>
    </message>
</context>
<context>
    <name>Stage3Step</name>
    <message>
        <source>Stage 3 — the social portrait</source>
        <translation>Этап 3 — социальный портрет</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>Возраст</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>Пол</translation>
    </message>
    <message>
        <source>Social status</source>
        <translation>Социальный статус</translation>
    </message>
    <message>
        <source>Marital status</source>
        <translation>Семейное положение</translation>
    </message>
    <message>
        <source>Education</source>
        <translation>Образование</translation>
    </message>
    <message>
        <source>Occupation</source>
        <translation>Род занятий</translation>
    </message>
    <message>
        <source>Dimension:</source>
        <translation>Признак:</translation>
    </message>
    <message>
        <source>Every band is listed, also those with no requests; &quot;not stated&quot; counts the requests without that detail. Each dimension adds up to the quarter&apos;s total.</source>
        <translation>Показаны все группы, в том числе без запросов; «не указано» — запросы без этих сведений. По каждому признаку сумма равна итогу квартала.</translation>
    </message>
    <message>
        <source>No data yet: import the exports on the Import step.</source>
        <translation>Данных пока нет: импортируйте выгрузки на шаге «Импорт».</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>Запросы</translation>
    </message>
    <message>
        <source>Share, %</source>
        <translation>Доля, %</translation>
    </message>
</context>
<context>
    <name>StartPage</name>
    <message>
        <source>Quarterly analysis of citizens&apos; requests</source>
        <translation>Ежеквартальный анализ запросов граждан</translation>
    </message>
    <message>
        <source>Import the contact centre&apos;s exports, review the three stages of the analysis and write the справка prescribed by the Methodology (order No. 114-НҚ). Everything stays on this computer.</source>
        <translation>Импортируйте выгрузки контакт-центра, просмотрите три этапа анализа и подготовьте справку по Методике (приказ № 114-НҚ). Все данные остаются на этом компьютере.</translation>
    </message>
    <message>
        <source>New project…</source>
        <translation>Новый проект…</translation>
    </message>
    <message>
        <source>Open project…</source>
        <translation>Открыть проект…</translation>
    </message>
    <message>
        <source>Open the demo project</source>
        <translation>Открыть демо-проект</translation>
    </message>
    <message>
        <source>Recent projects (double-click to open):</source>
        <translation>Недавние проекты (двойной щелчок — открыть):</translation>
    </message>
</context>
<context>
    <name>TopicCatalogue</name>
    <message>
        <source>Topic catalogue</source>
        <translation>Каталог тем</translation>
    </message>
    <message>
        <source>Topics as the exports spell them. Choose one to rename it or give its Kazakh and Russian names (the справка uses them); choose several spellings of one topic and merge them: later imports of those spellings land on the same topic. Every change can be undone.</source>
        <translation>Темы в том написании, в каком они пришли в выгрузках. Выберите тему, чтобы переименовать её или задать названия на казахском и русском (их использует справка); выберите несколько написаний одной темы и объедините их: при следующих импортах эти написания попадут в ту же тему. Любое изменение можно отменить.</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Название:</translation>
    </message>
    <message>
        <source>Name in Kazakh:</source>
        <translation>Название на казахском:</translation>
    </message>
    <message>
        <source>Name in Russian:</source>
        <translation>Название на русском:</translation>
    </message>
    <message>
        <source>Save the names</source>
        <translation>Сохранить названия</translation>
    </message>
    <message>
        <source>Merge the selected topics into:</source>
        <translation>Объединить выбранные темы в:</translation>
    </message>
    <message>
        <source>Merge</source>
        <translation>Объединить</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Отменить</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>Тема</translation>
    </message>
    <message>
        <source>In Kazakh</source>
        <translation>На казахском</translation>
    </message>
    <message>
        <source>In Russian</source>
        <translation>На русском</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>Запросы</translation>
    </message>
    <message>
        <source>Renamed: %1.</source>
        <translation>Переименовано: %1.</translation>
    </message>
    <message>
        <source>Merged into %1: %2 requests.</source>
        <translation>Объединено в «%1»: запросов — %2.</translation>
    </message>
    <message>
        <source>Undone.</source>
        <translation>Отменено.</translation>
    </message>
</context>
<context>
    <name>UnresolvedTable</name>
    <message>
        <source>— not stated (unknown)</source>
        <translation>— не указано (неизвестно)</translation>
    </message>
    <message>
        <source>— outside Kazakhstan</source>
        <translation>— за пределами Казахстана</translation>
    </message>
    <message>
        <source>These values could not be recognised, so their requests count as &quot;not stated&quot;. Choose what a value means and press Apply: the project remembers it for every import.</source>
        <translation>Эти значения не распознаны, поэтому их запросы учитываются как «не указано». Выберите, что означает значение, и нажмите «Применить»: проект запомнит это для всех импортов.</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Поле</translation>
    </message>
    <message>
        <source>Value in the file</source>
        <translation>Значение в файле</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>Запросы</translation>
    </message>
    <message>
        <source>What it means</source>
        <translation>Что означает</translation>
    </message>
    <message>
        <source>(choose)</source>
        <translation>(выберите)</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Применить</translation>
    </message>
    <message>
        <source>%1 requests now count for %2.</source>
        <translation>Запросов теперь учитывается как «%2»: %1.</translation>
    </message>
</context>
<context>
    <name>dialogs</name>
    <message>
        <source>Replace the file?</source>
        <translation>Заменить файл?</translation>
    </message>
    <message>
        <source>%1 already exists.
Do you want to replace it?</source>
        <translation>%1 уже существует.
Заменить его?</translation>
    </message>
    <message>
        <source>Replace the files?</source>
        <translation>Заменить файлы?</translation>
    </message>
    <message>
        <source>These files already exist in the folder:
%1

Replace them?</source>
        <translation>В папке уже есть эти файлы:
%1

Заменить их?</translation>
    </message>
</context>
<context>
    <name>fields</name>
    <message>
        <source>Request number</source>
        <translation>Номер запроса</translation>
    </message>
    <message>
        <source>Registration date</source>
        <translation>Дата регистрации</translation>
    </message>
    <message>
        <source>Processing date</source>
        <translation>Дата рассмотрения</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Канал</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>Регион</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>Тема</translation>
    </message>
    <message>
        <source>Subtopic</source>
        <translation>Подтема</translation>
    </message>
    <message>
        <source>Question text</source>
        <translation>Текст вопроса</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>Пол</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Дата рождения</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>Возраст</translation>
    </message>
    <message>
        <source>IIN</source>
        <translation>ИИН</translation>
    </message>
    <message>
        <source>Marital status</source>
        <translation>Семейное положение</translation>
    </message>
    <message>
        <source>Education</source>
        <translation>Образование</translation>
    </message>
    <message>
        <source>Occupation</source>
        <translation>Род занятий</translation>
    </message>
    <message>
        <source>Social status</source>
        <translation>Социальный статус</translation>
    </message>
    <message>
        <source>Contact centre</source>
        <translation>Контакт-центр</translation>
    </message>
    <message>
        <source>Contact centre phone</source>
        <translation>Телефон контакт-центра</translation>
    </message>
    <message>
        <source>Applicant&apos;s name</source>
        <translation>ФИО заявителя</translation>
    </message>
    <message>
        <source>Applicant&apos;s phone</source>
        <translation>Телефон заявителя</translation>
    </message>
</context>
<context>
    <name>formatting</name>
    <message>
        <source>{roman} quarter {year}</source>
        <translation>{roman} квартал {year} г.</translation>
    </message>
    <message>
        <source>region not stated</source>
        <translation>регион не указан</translation>
    </message>
    <message>
        <source>not stated</source>
        <translation>не указано</translation>
    </message>
    <message>
        <source>other</source>
        <translation>другие</translation>
    </message>
</context>
<context>
    <name>messages</name>
    <message>
        <source>{file}: no such file</source>
        <translation>{file}: файл не найден</translation>
    </message>
    <message>
        <source>{file}: is a folder, not a file</source>
        <translation>{file}: это папка, а не файл</translation>
    </message>
    <message>
        <source>{file}: the file is empty</source>
        <translation>{file}: файл пуст</translation>
    </message>
    <message>
        <source>{file}: cannot be read ({reason}); close it in other programs or check the permissions</source>
        <translation>{file}: не удаётся прочитать ({reason}); закройте файл в других программах или проверьте права доступа</translation>
    </message>
    <message>
        <source>{file}: not a spreadsheet or CSV file kcdesk can read ({reason})</source>
        <translation>{file}: это не таблица и не CSV-файл, который kcdesk может прочитать ({reason})</translation>
    </message>
    <message>
        <source>{file}: the workbook is damaged or truncated ({reason})</source>
        <translation>{file}: книга повреждена или обрезана ({reason})</translation>
    </message>
    <message>
        <source>{file}: the workbook is password-protected; save it without a password and import again</source>
        <translation>{file}: книга защищена паролем; сохраните её без пароля и импортируйте снова</translation>
    </message>
    <message>
        <source>{file}: this is a {reason}, not a spreadsheet</source>
        <translation>{file}: это {reason}, а не таблица</translation>
    </message>
    <message>
        <source>{file}: sheet {sheet} would take too much memory to read ({reason})</source>
        <translation>{file}: для чтения листа {sheet} потребуется слишком много памяти ({reason})</translation>
    </message>
    <message>
        <source>{file}: the workbook contains constructs kcdesk refuses to read ({reason})</source>
        <translation>{file}: книга содержит конструкции, которые kcdesk не читает ({reason})</translation>
    </message>
    <message>
        <source>{file}: the spreadsheet reader failed on this file ({reason})</source>
        <translation>{file}: не удалось прочитать таблицу ({reason})</translation>
    </message>
    <message>
        <source>{file}: the workbook has no sheets with data</source>
        <translation>{file}: в книге нет листов с данными</translation>
    </message>
    <message>
        <source>{file}, sheet {sheet}: the sheet is empty</source>
        <translation>{file}, лист {sheet}: лист пуст</translation>
    </message>
    <message>
        <source>{file}: there is no sheet named {sheet}</source>
        <translation>{file}: нет листа с именем {sheet}</translation>
    </message>
    <message>
        <source>{file}, sheet {sheet}: no header row with recognisable column names in the first {row} rows</source>
        <translation>{file}, лист {sheet}: в первых {row} строках нет строки заголовков с узнаваемыми названиями столбцов</translation>
    </message>
    <message>
        <source>{file}, sheet {sheet}: the header is on row {row} but there are no data rows under it</source>
        <translation>{file}, лист {sheet}: заголовок в строке {row}, но под ним нет строк с данными</translation>
    </message>
    <message>
        <source>{file}: the text encoding could not be recognised</source>
        <translation>{file}: не удалось определить кодировку текста</translation>
    </message>
    <message>
        <source>{file}: the table cannot be read from record {row} on ({reason}); check the export</source>
        <translation>{file}: таблицу не удаётся прочитать начиная с записи {row} ({reason}); проверьте выгрузку</translation>
    </message>
    <message>
        <source>{file}: this cp1251 file has &apos;?&apos; where Kazakh letters should be ({count} cells, e.g. row {row}); re-export it as UTF-8</source>
        <translation>{file}: в этом файле cp1251 вместо казахских букв стоят «?» (ячеек: {count}, например строка {row}); выгрузите его заново в UTF-8</translation>
    </message>
    <message>
        <source>{file}, sheet {sheet}: this file was imported before; its rows are not counted again</source>
        <translation>{file}, лист {sheet}: этот файл уже импортировался; его строки повторно не учитываются</translation>
    </message>
    <message>
        <source>{file}, sheet {sheet}: no registration or processing date column found</source>
        <translation>{file}, лист {sheet}: не найден столбец даты регистрации или рассмотрения</translation>
    </message>
    <message>
        <source>{file}, sheet {sheet}: column {column} holds IINs or phone numbers, so it is not used as the request number</source>
        <translation>{file}, лист {sheet}: в столбце {column} указаны ИИН или номера телефонов, поэтому он не используется как номер запроса</translation>
    </message>
    <message>
        <source>{file}, sheet {sheet}: the column &apos;{value}&apos; only counts the rows (1, 2, 3 ...), so it is not used as the request number</source>
        <translation>{file}, лист {sheet}: столбец «{value}» только нумерует строки (1, 2, 3 ...), поэтому он не используется как номер запроса</translation>
    </message>
    <message>
        <source>{file}, sheet {sheet}: {count} request numbers were IINs or phone numbers; they are not stored and those requests are kept without a number</source>
        <translation>{file}, лист {sheet}: номера запросов ({count}) оказались ИИН или номерами телефонов; они не сохранены, а сами запросы сохранены без номера</translation>
    </message>
    <message>
        <source>{file}, sheet {sheet}: the column &apos;{value}&apos; is read as {field} because {count} % of its values are {field} values</source>
        <translation>{file}, лист {sheet}: столбец «{value}» прочитан как «{field}», потому что {count} % его значений — значения этого поля</translation>
    </message>
    <message>
        <source>{file}, sheet {sheet}: the unused column &apos;{value}&apos; looks like {field} ({count} % of its values); choose that field for it if it is (--map in the command line)</source>
        <translation>{file}, лист {sheet}: неиспользуемый столбец «{value}» похож на «{field}» ({count} % значений); если это так, выберите для него это поле (в командной строке — --map)</translation>
    </message>
    <message>
        <source>--map {value}: unknown field &apos;{field}&apos;</source>
        <translation>--map {value}: неизвестное поле «{field}»</translation>
    </message>
    <message>
        <source>{field} {value}: expected the form the option&apos;s help shows</source>
        <translation>{field} {value}: ожидается форма, указанная в справке по параметру</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a {field} kcdesk knows</source>
        <translation>«{value}» — неизвестное для kcdesk значение ({field})</translation>
    </message>
    <message>
        <source>--map {value}: expected &quot;Header text=field&quot;</source>
        <translation>--map {value}: ожидается «Текст заголовка=поле»</translation>
    </message>
    <message>
        <source>{file}, sheet {sheet}: --map names a header &apos;{value}&apos; that the sheet does not have</source>
        <translation>{file}, лист {sheet}: в --map указан заголовок «{value}», которого на листе нет</translation>
    </message>
    <message>
        <source>{file}: no such project</source>
        <translation>{file}: проект не найден</translation>
    </message>
    <message>
        <source>{file}: not a kcdesk project file ({reason})</source>
        <translation>{file}: это не файл проекта kcdesk ({reason})</translation>
    </message>
    <message>
        <source>{file}: made by a newer kcdesk (schema {value}); update kcdesk to open it</source>
        <translation>{file}: создан более новой версией kcdesk (схема {value}); обновите kcdesk, чтобы открыть его</translation>
    </message>
    <message>
        <source>{file}: the project is being written by another kcdesk; try again in a moment</source>
        <translation>{file}: проект сейчас записывает другой экземпляр kcdesk; повторите через минуту</translation>
    </message>
    <message>
        <source>{file}: the project file was changed outside kcdesk ({reason}); kcdesk does not open it; restore a backup copy</source>
        <translation>{file}: файл проекта изменён вне kcdesk ({reason}); kcdesk его не открывает; восстановите резервную копию</translation>
    </message>
    <message>
        <source>{file}: the project file is damaged ({reason}); kcdesk does not open it; restore a backup copy</source>
        <translation>{file}: файл проекта повреждён ({reason}); kcdesk его не открывает; восстановите резервную копию</translation>
    </message>
    <message>
        <source>{file}: an unfinished change from an earlier run did not belong to this file ({reason}); it was not applied and was moved aside as {value}</source>
        <translation>{file}: незавершённое изменение от прошлого запуска не относится к этому файлу ({reason}); оно не применено и отложено как {value}</translation>
    </message>
    <message>
        <source>{file}: the disk is full (or a file size limit was reached); nothing was changed; free some space and try again</source>
        <translation>{file}: диск заполнен (или достигнут предел размера файла); ничего не изменено; освободите место и повторите</translation>
    </message>
    <message>
        <source>{file}: the disk refused a write (full, a file size limit, or a disk error); nothing was changed; free some space or check the disk and try again</source>
        <translation>{file}: диск отказал в записи (заполнен, предел размера файла или ошибка диска); ничего не изменено; освободите место или проверьте диск и повторите</translation>
    </message>
    <message>
        <source>{file}: the project file cannot be written ({reason})</source>
        <translation>{file}: не удаётся записать файл проекта ({reason})</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a quarter rule; use registered or processed</source>
        <translation>«{value}» — не правило отнесения к кварталу; используйте registered или processed</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a comparison basis; use previous or year-ago</source>
        <translation>«{value}» — не база сравнения; укажите previous или year-ago</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a state of the справка; use draft, submitted, approved or posted</source>
        <translation>«{value}» — не состояние справки; используйте draft, submitted, approved или posted</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a quarter; write it as 2026-Q3</source>
        <translation>«{value}» — не квартал; пишите в виде 2026-Q3</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a date; write it as 2026-10-02</source>
        <translation>«{value}» — не дата; пишите в виде 2026-10-02</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a map measure; use count, change or rate</source>
        <translation>«{value}» — не показатель карты; используйте count, change или rate</translation>
    </message>
    <message>
        <source>the project has no population figures for the map&apos;s rate per 10,000 residents</source>
        <translation>в проекте нет данных о численности населения для показателя на 10 000 жителей</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a topic of this project</source>
        <translation>«{value}» — не тема этого проекта</translation>
    </message>
    <message>
        <source>the project has no requests in {value}</source>
        <translation>в проекте нет запросов за {value}</translation>
    </message>
    <message>
        <source>the project holds no requests yet; import an export first</source>
        <translation>в проекте пока нет запросов; сначала импортируйте выгрузку</translation>
    </message>
    <message>
        <source>{file}: no such template</source>
        <translation>{file}: шаблон не найден</translation>
    </message>
    <message>
        <source>{file}: the template cannot be used ({reason})</source>
        <translation>{file}: шаблон нельзя использовать ({reason})</translation>
    </message>
    <message>
        <source>{file}: the template&apos;s tag {value} is not allowed (&apos;{field}&apos; is not one of the placeholders kcdesk documents); nothing was written</source>
        <translation>{file}: тег шаблона {value} не допускается (&apos;{field}&apos; не входит в описанные в документации kcdesk заполнители); ничего не записано</translation>
    </message>
    <message>
        <source>{file}: the template&apos;s tag {value} would write too much; nothing was written</source>
        <translation>{file}: тег шаблона {value} вывел бы слишком много текста; ничего не записано</translation>
    </message>
    <message>
        <source>cannot make a PDF: neither LibreOffice nor Word is installed</source>
        <translation>не удаётся создать PDF: не установлены ни LibreOffice, ни Word</translation>
    </message>
    <message>
        <source>{file}: the PDF conversion failed ({reason})</source>
        <translation>{file}: не удалось преобразовать в PDF ({reason})</translation>
    </message>
    <message>
        <source>{file}: cannot write ({reason})</source>
        <translation>{file}: не удаётся записать ({reason})</translation>
    </message>
    <message>
        <source>{file}: is a kcdesk project (or another database); an output never replaces it; choose another name</source>
        <translation>{file}: это проект kcdesk (или другая база данных); результат никогда не записывается поверх него; выберите другое имя</translation>
    </message>
    <message>
        <source>{file}: this command reads that file; choose another name for the output</source>
        <translation>{file}: эта команда читает этот файл; выберите для результата другое имя</translation>
    </message>
    <message>
        <source>{file}: this file was imported into the project; kcdesk never writes over an export; choose another name</source>
        <translation>{file}: этот файл импортирован в проект; kcdesk никогда не записывает поверх выгрузки; выберите другое имя</translation>
    </message>
    <message>
        <source>{file}: is not a regular file (a device, folder or pipe); choose another name</source>
        <translation>{file}: не обычный файл (устройство, папка или канал); выберите другое имя</translation>
    </message>
    <message>
        <source>{file}: is a symbolic link; kcdesk does not write through links; choose another name</source>
        <translation>{file}: символическая ссылка; kcdesk не записывает через ссылки; выберите другое имя</translation>
    </message>
    <message>
        <source>{file}: the folder {value} does not exist; create it first or choose another folder</source>
        <translation>{file}: папки {value} не существует; сначала создайте её или выберите другую папку</translation>
    </message>
    <message>
        <source>{file}: named for two outputs of one command; give each output its own name</source>
        <translation>{file}: указан для двух результатов одной команды; дайте каждому результату своё имя</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a language of the справка; use kk or ru</source>
        <translation>«{value}» — не язык справки; используйте kk или ru</translation>
    </message>
    <message>
        <source>--chart {value}: expected KEY=FILE.png naming an existing image</source>
        <translation>--chart {value}: ожидается КЛЮЧ=ФАЙЛ.png с существующим изображением</translation>
    </message>
    <message>
        <source>{file}: not a JSON file kcdesk can use ({reason})</source>
        <translation>{file}: это не JSON-файл, который kcdesk может использовать ({reason})</translation>
    </message>
    <message>
        <source>{value}: expected KEY=VALUE</source>
        <translation>{value}: ожидается КЛЮЧ=ЗНАЧЕНИЕ</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a text key the справка reads (reason:&lt;topic&gt;, para:&lt;key&gt;, conclusions, proposals, publish, workplan:&lt;topic&gt;)</source>
        <translation>«{value}» — не ключ текста справки (reason:&lt;тема&gt;, para:&lt;ключ&gt;, conclusions, proposals, publish, workplan:&lt;тема&gt;)</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a справка setting; use one of: {reason}</source>
        <translation>«{value}» — не настройка справки; используйте одну из: {reason}</translation>
    </message>
    <message>
        <source>{field}: give text (in quotes), not {reason}; nothing was saved</source>
        <translation>{field}: укажите текст (в кавычках), а не {reason}; ничего не сохранено</translation>
    </message>
    <message>
        <source>{field}: longer than {count} characters; nothing was saved</source>
        <translation>{field}: длиннее {count} символов; ничего не сохранено</translation>
    </message>
    <message>
        <source>{field}: not a phone number (digits, spaces, +, brackets and dashes; an IIN is not accepted); nothing was saved</source>
        <translation>{field}: не номер телефона (цифры, пробелы, +, скобки и дефисы; ИИН не принимается); ничего не сохранено</translation>
    </message>
    <message>
        <source>{value}: not a paragraph of the справка for {field}; list them with --keys; nothing was saved</source>
        <translation>{value}: такого абзаца нет в справке за {field}; список выводит --keys; ничего не сохранено</translation>
    </message>
    <message>
        <source>give --quarter for the texts of a quarter</source>
        <translation>укажите --quarter для текстов квартала</translation>
    </message>
    <message>
        <source>cancelled; nothing was changed</source>
        <translation>отменено; ничего не изменено</translation>
    </message>
    <message>
        <source>{file}: already exists; choose another name or pass --force to replace it</source>
        <translation>{file}: уже существует; выберите другое имя или укажите --force, чтобы заменить</translation>
    </message>
    <message>
        <source>--quarters {value}: the demo has 1 to {count} quarters</source>
        <translation>--quarters {value}: в демо от 1 до {count} кварталов</translation>
    </message>
    <message>
        <source>--accept {value}: give a confidence between 0 and 1, e.g. 0.8</source>
        <translation>--accept {value}: укажите уверенность от 0 до 1, например 0.8</translation>
    </message>
    <message>
        <source>no FAQ entry of group {value} in this analysis; give group ids as the summary lists them (g1,g3) or &apos;all&apos;</source>
        <translation>в этом анализе нет вопроса для публикации из группы {value}; укажите группы так, как их называет сводка (g1,g3), или &apos;all&apos;</translation>
    </message>
    <message>
        <source>&apos;{value}&apos;: give at least one word to search for</source>
        <translation>«{value}»: укажите хотя бы одно слово для поиска</translation>
    </message>
    <message>
        <source>Something went wrong ({code}).</source>
        <translation>Что-то пошло не так ({code}).</translation>
    </message>
    <message>
        <source>Cancelled; nothing was changed.</source>
        <translation>Отменено; ничего не изменено.</translation>
    </message>
    <message>
        <source>Something unexpected went wrong; nothing was changed. Details are in the log file.</source>
        <translation>Произошла непредвиденная ошибка; ничего не изменено. Подробности — в файле журнала.</translation>
    </message>
</context>
<context>
    <name>readiness</name>
    <message>
        <source>No reasons typed for: %1</source>
        <translation>Не указаны причины по темам: %1</translation>
    </message>
    <message>
        <source>Column 1 of the Appendix lacks the contact centre&apos;s name or phone</source>
        <translation>В графе 1 приложения нет наименования или телефона контакт-центра</translation>
    </message>
    <message>
        <source>No signatory (name and position)</source>
        <translation>Не указан подписывающий (Ф.И.О. и должность)</translation>
    </message>
    <message>
        <source>No executor (name and phone for the &apos;Исп./Орынд.&apos; line)</source>
        <translation>Не указан исполнитель (Ф.И.О. и телефон для строки «Исп.»)</translation>
    </message>
    <message>
        <source>Topics without a name in this language: %1</source>
        <translation>Темы без названия на этом языке: %1</translation>
    </message>
    <message>
        <source>%2 values not recognised (counted as not stated): %1</source>
        <translation>Не распознано значений: %2 (учтены как «не указано»): %1</translation>
    </message>
    <message>
        <source>No Qlik or other-channel totals entered: the reconciliation (§11) is not done</source>
        <translation>Не внесены итоги модуля Qlik и других каналов: сверка (п. 11) не проведена</translation>
    </message>
    <message>
        <source>Your texts still in the other language: %1</source>
        <translation>Ваши тексты, оставшиеся на другом языке: %1</translation>
    </message>
    <message>
        <source>The executor is the signatory; a work plan needs another executor</source>
        <translation>Исполнитель совпадает с подписывающим; для плана работы нужен другой исполнитель</translation>
    </message>
</context>
</TS>
