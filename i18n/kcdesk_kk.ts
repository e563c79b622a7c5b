<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="kk_KZ">
<context>
    <name>ChartView</name>
    <message>
        <source>Copy</source>
        <translation>Көшіру</translation>
    </message>
    <message>
        <source>Save PNG…</source>
        <translation>PNG сақтау…</translation>
    </message>
    <message>
        <source>Save chart</source>
        <translation>Диаграмманы сақтау</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG суреттері (*.png)</translation>
    </message>
</context>
<context>
    <name>ContentStep</name>
    <message>
        <source>Content analysis</source>
        <translation>Контент-талдау</translation>
    </message>
    <message>
        <source>Run the content analysis</source>
        <translation>Контент-талдауды іске қосу</translation>
    </message>
    <message>
        <source>Topic suggestions</source>
        <translation>Ұсынылған тақырыптар</translation>
    </message>
    <message>
        <source>Question groups</source>
        <translation>Сұрақтар топтары</translation>
    </message>
    <message>
        <source>Rising and falling</source>
        <translation>Өсу және төмендеу</translation>
    </message>
    <message>
        <source>To publish</source>
        <translation>Жариялауға</translation>
    </message>
    <message>
        <source>Repeated requests</source>
        <translation>Қайталанған сұрау салулар</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Іздеу</translation>
    </message>
    <message>
        <source>Confidence at least:</source>
        <translation>Сенімділік кемінде:</translation>
    </message>
    <message>
        <source>Accept all above</source>
        <translation>Шектен жоғарыларының бәрін қабылдау</translation>
    </message>
    <message>
        <source>Accept selected</source>
        <translation>Таңдалғандарды қабылдау</translation>
    </message>
    <message>
        <source>Accepted batches (each can be undone):</source>
        <translation>Қабылданған топтамалар (әрқайсысын болдырмауға болады):</translation>
    </message>
    <message>
        <source>Undo the batch</source>
        <translation>Топтаманы болдырмау</translation>
    </message>
    <message>
        <source>Red rows: candidate new questions (new this quarter or grown sharply). Name each one or dismiss it; the name goes into the справка.</source>
        <translation>Қызыл жолдар: ықтимал жаңа сұрақтар (осы тоқсанда пайда болған немесе күрт өскен). Әрқайсысына атау беріңіз немесе қабылдамаңыз; атау анықтамаға енеді.</translation>
    </message>
    <message>
        <source>Name of the question group</source>
        <translation>Сұрақтар тобының атауы</translation>
    </message>
    <message>
        <source>A name typed in Kazakh is kept for the Kazakh справка, one typed in Russian for the Russian справка: name the group in both languages, one after the other. A group named in one language only is called by its topic in the other.</source>
        <translation>Қазақша жазылған атау қазақ тіліндегі анықтама үшін, орысша жазылғаны орыс тіліндегі анықтама үшін сақталады: топты екі тілде де кезекпен атаңыз. Тек бір тілде аталған топ екінші тілде өз тақырыбымен аталады.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Атау беру</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Қабылдамау</translation>
    </message>
    <message>
        <source>Clear the decision</source>
        <translation>Шешімді алып тастау</translation>
    </message>
    <message>
        <source>Phrases that rose against the previous quarters:</source>
        <translation>Алдыңғы тоқсандармен салыстырғанда жиілеген сөз тіркестері:</translation>
    </message>
    <message>
        <source>Phrases that fell:</source>
        <translation>Сиреген сөз тіркестері:</translation>
    </message>
    <message>
        <source>Double-click a phrase to find its requests in every quarter.</source>
        <translation>Тіркес бар сұрау салуларды барлық тоқсандардан табу үшін оны екі рет басыңыз.</translation>
    </message>
    <message>
        <source>Save the group&apos;s requests…</source>
        <translation>Топтың сұрау салуларын сақтау…</translation>
    </message>
    <message>
        <source>Open the group&apos;s requests</source>
        <translation>Топтың сұрау салуларын ашу</translation>
    </message>
    <message>
        <source>No data yet: import the exports on the Import step.</source>
        <translation>Әзірге деректер жоқ: экспорттарды «Импорт» қадамында импорттаңыз.</translation>
    </message>
    <message>
        <source>The imported exports have no question text column, so there is nothing to analyse. On the Import step choose the field &quot;Question text&quot; for the column with the request&apos;s text and import the file again.</source>
        <translation>Импортталған выгрузуларда сұрақ мәтіні бар баған жоқ, сондықтан талдайтын ештеңе жоқ. «Импорт» қадамында сұрау салу мәтіні бар бағанға «Сұрақтың мәтіні» өрісін таңдап, файлды қайта импорттаңыз.</translation>
    </message>
    <message>
        <source>The content analysis of %1 has not been run yet: press the button.</source>
        <translation>%1 бойынша контент-талдау әлі жүргізілмеген: батырманы басыңыз.</translation>
    </message>
    <message>
        <source>No open suggestion is at or above this confidence.</source>
        <translation>Осы сенімділіктен кем емес ашық ұсыныс жоқ.</translation>
    </message>
    <message>
        <source>%1 requests would get the suggested topic.</source>
        <translation>%1 сұрау салуға ұсынылған тақырып беріледі.</translation>
    </message>
    <message>
        <source>%1: %2 requests with a text, %3 distinct texts</source>
        <translation>%1: мәтіні бар сұрау салулар — %2, әртүрлі мәтіндер — %3</translation>
    </message>
    <message>
        <source>compared with %1</source>
        <translation>%1 кезеңімен салыстырғанда</translation>
    </message>
    <message>
        <source>Requests without a topic or under a catch-all topic: %1. Too few texts with a topic (%2) to measure how often a suggestion is right, so every suggestion is marked uncertain. Nothing changes until you accept.</source>
        <translation>Тақырыбы жоқ немесе жалпы тақырыптағы («Басқа») сұрау салулар: %1. Тақырыбы бар мәтіндер тым аз (%2), ұсыныстың қаншалықты жиі дұрыс болатынын өлшеу мүмкін емес, сондықтан әр ұсыныс күмәнді деп белгіленеді. Сіз қабылдамайынша ештеңе өзгермейді.</translation>
    </message>
    <message>
        <source>Requests without a topic or under a catch-all topic: %1. Suggestions learned from %2 labelled texts (%3 topics), right %4 of the time on texts held out; below %5 a suggestion is marked uncertain. Nothing changes until you accept.</source>
        <translation>Тақырыбы жоқ немесе жалпы тақырыптағы («Басқа») сұрау салулар: %1. Ұсыныстар %2 белгіленген мәтін (%3 тақырып) бойынша үйретілген, бөлек қалдырылған мәтіндерде %4 жағдайда дұрыс; %5 төмен болса, ұсыныс күмәнді деп белгіленеді. Сіз қабылдамайынша ештеңе өзгермейді.</translation>
    </message>
    <message>
        <source>Marked uncertain: %1 of the suggestions.</source>
        <translation>Сенімсіз деп белгіленгені: ұсыныстардың %1.</translation>
    </message>
    <message>
        <source>the quarter covers %1 days and its comparison %2: earlier counts are scaled by days</source>
        <translation>тоқсан %1 күнді, салыстыру кезеңі %2 күнді қамтиды: бұрынғы сандар күн бойынша қайта есептелді</translation>
    </message>
    <message>
        <source>uncertain</source>
        <translation>күмәнді</translation>
    </message>
    <message>
        <source>The table lists the %1 most confident of %2 open suggestions; &quot;Accept all above&quot; takes all of them.</source>
        <translation>Кестеде ашық %2 ұсыныстың ең сенімді %1 ұсынысы көрсетілген; «Шектен жоғарыларының бәрін қабылдау» олардың бәрін қабылдайды.</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>Сұрау салу</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>Сұрақ</translation>
    </message>
    <message>
        <source>Suggested topic</source>
        <translation>Ұсынылған тақырып</translation>
    </message>
    <message>
        <source>Confidence</source>
        <translation>Сенімділік</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Белгі</translation>
    </message>
    <message>
        <source>%1, %2: %3 requests</source>
        <translation>%1, %2: сұрау салулар — %3</translation>
    </message>
    <message>
        <source>dismissed</source>
        <translation>қабылданбады</translation>
    </message>
    <message>
        <source>to decide</source>
        <translation>шешу керек</translation>
    </message>
    <message>
        <source>new</source>
        <translation>жаңа</translation>
    </message>
    <message>
        <source>grew</source>
        <translation>өсті</translation>
    </message>
    <message>
        <source>Key phrases</source>
        <translation>Негізгі сөз тіркестері</translation>
    </message>
    <message>
        <source>Example</source>
        <translation>Мысал</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>Сұрау салулар</translation>
    </message>
    <message>
        <source>Previous quarter</source>
        <translation>Алдыңғы тоқсан</translation>
    </message>
    <message>
        <source>Change, %</source>
        <translation>Өзгеріс, %</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>Тақырып</translation>
    </message>
    <message>
        <source>Candidate</source>
        <translation>Үміткер</translation>
    </message>
    <message>
        <source>Your decision</source>
        <translation>Сіздің шешіміңіз</translation>
    </message>
    <message>
        <source>Phrase</source>
        <translation>Сөз тіркесі</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>Бұрын</translation>
    </message>
    <message>
        <source>No phrase rose or fell clearly enough against the earlier quarters to stand out from chance.</source>
        <translation>Алдыңғы тоқсандармен салыстырғанда кездейсоқтықтан айқын ерекшеленетіндей өскен немесе азайған тіркес жоқ.</translation>
    </message>
    <message>
        <source>Repeated requests (the same wording by the same applicant or about the same place): %1 repeats in %2 groups (%3 requests of %4).</source>
        <translation>Қайталанған сұрау салулар (бір өтініш берушіден немесе бір орын туралы бірдей мәтін): %2 топта %1 қайталау (%4 сұрау салудың %3).</translation>
    </message>
    <message>
        <source>Held together by the same applicant: %1 requests. Requests that came with an IIN or a phone (kept only as an opaque key): %2.</source>
        <translation>Бір өтініш беруші байланыстырған: %1 сұрау салу. ЖСН немесе телефонмен келген сұрау салулар (тек иесіздендірілген кілт ретінде сақталады): %2.</translation>
    </message>
    <message>
        <source>Requests whose wording is shared but names no place and no applicant (not counted as repeats): %1.</source>
        <translation>Мәтіні бірдей, бірақ орны да, өтініш берушісі де көрсетілмеген сұрау салулар (қайталау деп саналмайды): %1.</translation>
    </message>
    <message>
        <source>Many copies of one text are often a campaign: check them before calling a rise a trend.</source>
        <translation>Бір мәтіннің көп көшірмесі көбіне ұйымдастырылған науқан болады: өсімді үрдіс деп санамас бұрын оларды тексеріңіз.</translation>
    </message>
    <message>
        <source>Accepted topic suggestions: %1 requests. Stages 1-3 are counted again.</source>
        <translation>Қабылданған тақырып ұсыныстары: сұрау салулар — %1. 1–3 кезеңдер қайта есептеледі.</translation>
    </message>
    <message>
        <source>Undone: %1 requests have their earlier topic back.</source>
        <translation>Болдырылмады: %1 сұрау салуға бұрынғы тақырыбы қайтарылды.</translation>
    </message>
</context>
<context>
    <name>FaqPage</name>
    <message>
        <source>Questions to publish (§5.3, §18): a real question of each group, or one drafted from its name where the group holds none. Accept, edit or drop each: the справка quotes only the accepted ones.</source>
        <translation>Жариялауға арналған сұрақтар (§5.3, §18): әр топтың нақты сұрағы, ал топта сұрақ болмаса — оның атауынан құрастырылған сұрақ. Әрқайсысын қабылдаңыз, түзетіңіз немесе алып тастаңыз: анықтамаға тек қабылданғандары енеді.</translation>
    </message>
    <message>
        <source>The question as it will be published</source>
        <translation>Жарияланатын түріндегі сұрақ</translation>
    </message>
    <message>
        <source>Accept</source>
        <translation>Қабылдау</translation>
    </message>
    <message>
        <source>Drop</source>
        <translation>Алып тастау</translation>
    </message>
    <message>
        <source>Clear the decision</source>
        <translation>Шешімді алып тастау</translation>
    </message>
    <message>
        <source>accepted</source>
        <translation>қабылданды</translation>
    </message>
    <message>
        <source>dropped</source>
        <translation>алынып тасталды</translation>
    </message>
    <message>
        <source>drafted</source>
        <translation>құрастырылған</translation>
    </message>
    <message>
        <source>quoted</source>
        <translation>сұрау салудан</translation>
    </message>
    <message>
        <source>to decide</source>
        <translation>шешу керек</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>Сұрақ</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>Сұрау салулар</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>Тақырып</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Дереккөз</translation>
    </message>
    <message>
        <source>Your decision</source>
        <translation>Сіздің шешіміңіз</translation>
    </message>
    <message>
        <source>Save the requests of the group</source>
        <translation>Топтың сұрау салуларын сақтау</translation>
    </message>
</context>
<context>
    <name>FrameView</name>
    <message>
        <source>Copy for Excel</source>
        <translation>Excel үшін көшіру</translation>
    </message>
    <message>
        <source>Copy the whole table</source>
        <translation>Бүкіл кестені көшіру</translation>
    </message>
</context>
<context>
    <name>GroupRequestsDialog</name>
    <message>
        <source>Requests of group %1</source>
        <translation>%1 тобының сұрау салулары</translation>
    </message>
    <message>
        <source>%1 requests of the quarter %2 in this group. Personal data in the texts is masked.</source>
        <translation>Осы топта %2 тоқсанының %1 сұрау салуы бар. Мәтіндердегі дербес деректер жасырылған.</translation>
    </message>
    <message>
        <source>Export to .xlsx…</source>
        <translation>.xlsx файлына шығару…</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>Сұрау салу</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Күні</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>Өңір</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Мәтін</translation>
    </message>
    <message>
        <source>Save the requests of the group</source>
        <translation>Топтың сұрау салуларын сақтау</translation>
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
        <translation>Байланыс орталығының экспорттарын (Excel немесе CSV) батырмамен қосыңыз немесе осында сүйреп әкеліңіз. Парақты, тақырып жолын және әр бағанның өрісін тексеріп, импорттаңыз. Бағандарды таңдауыңыз осы атаулы файлдар үшін есте сақталады.</translation>
    </message>
    <message>
        <source>Add files…</source>
        <translation>Файлдарды қосу…</translation>
    </message>
    <message>
        <source>Remove from the list</source>
        <translation>Тізімнен алып тастау</translation>
    </message>
    <message>
        <source>Sheet:</source>
        <translation>Парақ:</translation>
    </message>
    <message>
        <source>Header row:</source>
        <translation>Тақырып жолы:</translation>
    </message>
    <message>
        <source>Column in the file</source>
        <translation>Файлдағы баған</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Өріс</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>Бағандар</translation>
    </message>
    <message>
        <source>Preview after normalisation</source>
        <translation>Қалыпқа келтірілгеннен кейінгі көрініс</translation>
    </message>
    <message>
        <source>Values not recognised in this file</source>
        <translation>Осы файлдағы танылмаған мәндер</translation>
    </message>
    <message>
        <source>Files to import</source>
        <translation>Импортталатын файлдар</translation>
    </message>
    <message>
        <source>Values not recognised</source>
        <translation>Танылмаған мәндер</translation>
    </message>
    <message>
        <source>Imported files</source>
        <translation>Импортталған файлдар</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Файл</translation>
    </message>
    <message>
        <source>Sheet</source>
        <translation>Парақ</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>Импортталды</translation>
    </message>
    <message>
        <source>Rows read</source>
        <translation>Оқылған жолдар</translation>
    </message>
    <message>
        <source>Rows stored</source>
        <translation>Сақталған жолдар</translation>
    </message>
    <message>
        <source>Duplicates</source>
        <translation>Қайталанулар</translation>
    </message>
    <message>
        <source>Values not recognised (%1)</source>
        <translation>Танылмаған мәндер (%1)</translation>
    </message>
    <message>
        <source>Add exports</source>
        <translation>Экспорттарды қосу</translation>
    </message>
    <message>
        <source>Chosen by the column&apos;s values: %1 % of them are values of the field “%2”.</source>
        <translation>Бағанның мәндері бойынша таңдалды: олардың %1 %-ы «%2» өрісінің мәндері.</translation>
    </message>
    <message>
        <source>Imported before, so not counted again: %1.</source>
        <translation>Бұрын импортталған, сондықтан қайта саналмады: %1.</translation>
    </message>
    <message>
        <source>(not used)</source>
        <translation>(пайдаланылмайды)</translation>
    </message>
    <message>
        <source>Exports (*.xlsx *.xlsm *.xls *.ods *.csv *.txt *.htm *.html *.xml)</source>
        <translation>Экспорттар (*.xlsx *.xlsm *.xls *.ods *.csv *.txt *.htm *.html *.xml)</translation>
    </message>
    <message>
        <source>Not used, but %1 % of its values are values of the field “%2”. Choose that field if the column holds it.</source>
        <translation>Пайдаланылмайды, бірақ мәндерінің %1 %-ы «%2» өрісінің мәндері. Баған осы өрісті қамтыса, соны таңдаңыз.</translation>
    </message>
    <message>
        <source>Import cancelled.</source>
        <translation>Импорт тоқтатылды.</translation>
    </message>
    <message>
        <source>%1 (%2 requests)</source>
        <translation>%1 (%2 сұрау салу)</translation>
    </message>
    <message>
        <source>Kept in the project: %1.</source>
        <translation>Жобада сақталды: %1.</translation>
    </message>
    <message>
        <source>Not imported: %1 (still on the list; press Import to import them).</source>
        <translation>Импортталмады: %1 (тізімде қалды; импорттау үшін «Импорттау» батырмасын басыңыз).</translation>
    </message>
    <message>
        <source>Imported %1 requests (%2 duplicates counted once).</source>
        <translation>Импортталған сұрау салулар: %1 (бір рет есептелген қайталанулар: %2).</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>kcdesk — requests to contact centres</source>
        <translation>kcdesk — байланыс орталықтарына сұрау салулар</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Файл</translation>
    </message>
    <message>
        <source>&amp;New project…</source>
        <translation>&amp;Жаңа жоба…</translation>
    </message>
    <message>
        <source>&amp;Open project…</source>
        <translation>Жобаны &amp;ашу…</translation>
    </message>
    <message>
        <source>Open the &amp;demo project</source>
        <translation>&amp;Демо-жобаны ашу</translation>
    </message>
    <message>
        <source>&amp;Recent projects</source>
        <translation>&amp;Соңғы жобалар</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Сақтау</translation>
    </message>
    <message>
        <source>&amp;Close project</source>
        <translation>Жобаны &amp;жабу</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Шығу</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Тіл</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Көмек</translation>
    </message>
    <message>
        <source>How to use kcdesk</source>
        <translation>kcdesk-пен қалай жұмыс істеу керек</translation>
    </message>
    <message>
        <source>&amp;Steps</source>
        <translation>&amp;Қадамдар</translation>
    </message>
    <message>
        <source>&lt; Back</source>
        <translation>&lt; Артқа</translation>
    </message>
    <message>
        <source>Next &gt;</source>
        <translation>Келесі &gt;</translation>
    </message>
    <message>
        <source>Open the &amp;log folder</source>
        <translation>&amp;Журнал қалтасын ашу</translation>
    </message>
    <message>
        <source>&amp;About kcdesk</source>
        <translation>kcdesk &amp;туралы</translation>
    </message>
    <message>
        <source>Quarter:</source>
        <translation>Тоқсан:</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Болдырмау</translation>
    </message>
    <message>
        <source>New project</source>
        <translation>Жаңа жоба</translation>
    </message>
    <message>
        <source>kcdesk projects (*.kcdesk)</source>
        <translation>kcdesk жобалары (*.kcdesk)</translation>
    </message>
    <message>
        <source>%1 already exists and is kept as it is. Open it?</source>
        <translation>%1 бар, ол өзгеріссіз қалады. Оны ашу керек пе?</translation>
    </message>
    <message>
        <source>Open project</source>
        <translation>Жобаны ашу</translation>
    </message>
    <message>
        <source>This project is also open in another kcdesk (process %1 on %2, since %3). Changes made in both windows are all kept, but the other window will not show yours until it reloads.</source>
        <translation>Бұл жоба басқа kcdesk терезесінде де ашық (%2 компьютеріндегі %1 процесі, %3 бастап). Екі терезедегі өзгерістер де сақталады, бірақ басқа терезе сіздің өзгерістеріңізді жоба қайта ашылғанда ғана көрсетеді.</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Сақталды.</translation>
    </message>
    <message>
        <source>Project: %1</source>
        <translation>Жоба: %1</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>Импортталуда…</translation>
    </message>
    <message>
        <source>Analysing…</source>
        <translation>Талдануда…</translation>
    </message>
    <message>
        <source>Reading the file…</source>
        <translation>Файл оқылуда…</translation>
    </message>
    <message>
        <source>Writing the справка…</source>
        <translation>Анықтама жасалуда…</translation>
    </message>
    <message>
        <source>Working…</source>
        <translation>Орындалуда…</translation>
    </message>
    <message>
        <source>Preparing the demo project…</source>
        <translation>Демо-жоба дайындалуда…</translation>
    </message>
    <message>
        <source>Import: building the indexes…</source>
        <translation>Импорт: индекстер құрылуда…</translation>
    </message>
    <message>
        <source>%1 of %2: %3, reading and storing</source>
        <translation>%2 ішінен %1: %3, оқу және сақтау</translation>
    </message>
    <message>
        <source>Importing %1…</source>
        <translation>%1 импортталуда…</translation>
    </message>
    <message>
        <source>Help</source>
        <translation>Көмек</translation>
    </message>
    <message>
        <source>1. Import: add the contact centre&apos;s exports, check the columns and fix values that were not recognised.
2. Stage 1: totals, regions and topics against the previous quarter and a year ago; write the reasons for topics over +30 %.
3. Stage 2: the top 10 questions.
4. Stage 3: the social portrait.
5. Content analysis: topic suggestions, question groups, the FAQ.
6. Справка: edit the text, fill in the signatory and save the справка.

Everything you type is saved in the project file as you go.</source>
        <translation>1. Импорт: байланыс орталығының экспорттарын қосып, бағандарды тексеріңіз және танылмаған мәндерді түзетіңіз.
2. 1-кезең: жиынтықтар, өңірлер мен тақырыптар алдыңғы тоқсанмен және өткен жылмен салыстырылады; 30 %-дан астам өскен тақырыптардың себептерін жазыңыз.
3. 2-кезең: ең көп қойылған 10 мәселе.
4. 3-кезең: әлеуметтік портрет.
5. Контент-талдау: тақырып ұсыныстары, сұрақтар топтары, жиі қойылатын сұрақтар.
6. Анықтама: мәтінді өңдеп, қол қоюшының деректерін толтырып, анықтаманы сақтаңыз.

Енгізгеннің бәрі жоба файлына бірден сақталады.</translation>
    </message>
    <message>
        <source>About kcdesk</source>
        <translation>kcdesk туралы</translation>
    </message>
    <message>
        <source>kcdesk %1

Quarterly analysis of citizens&apos; requests to contact centres under the Methodology (order No. 114-НҚ, 2024). Works offline; your data never leaves this computer.

Map: geokz, Alexander Rodionov, CC BY 4.0.</source>
        <translation>kcdesk %1

Әдістеме бойынша (№ 114-НҚ бұйрық, 2024) азаматтардың байланыс орталықтарына сұрау салуларын тоқсан сайынғы талдау. Желісіз жұмыс істейді; деректеріңіз осы компьютерден шықпайды.

Карта: geokz, Alexander Rodionov, CC BY 4.0.</translation>
    </message>
    <message>
        <source>An import is running</source>
        <translation>Импорт жүріп жатыр</translation>
    </message>
    <message>
        <source>An import is still running. Stop it and close kcdesk?

The file being imported now is not kept; files already finished stay in the project and are listed on the Import step.</source>
        <translation>Импорт әлі жүріп жатыр. Оны тоқтатып, kcdesk-ті жабу керек пе?

Қазір импортталып жатқан файл сақталмайды; аяқталған файлдар жобада қалады және «Импорт» қадамында көрсетіледі.</translation>
    </message>
</context>
<context>
    <name>MapPanel</name>
    <message>
        <source>Colour by:</source>
        <translation>Бояу негізі:</translation>
    </message>
    <message>
        <source>Topic:</source>
        <translation>Тақырып:</translation>
    </message>
    <message>
        <source>Population…</source>
        <translation>Халық саны…</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>Сұрау салулар</translation>
    </message>
    <message>
        <source>Change against the previous quarter</source>
        <translation>Алдыңғы тоқсанмен салыстырғандағы өзгеріс</translation>
    </message>
    <message>
        <source>Requests per 10,000 residents</source>
        <translation>10 000 тұрғынға шаққандағы сұрау салулар</translation>
    </message>
    <message>
        <source>All topics</source>
        <translation>Барлық тақырыптар</translation>
    </message>
    <message>
        <source>Enter the population of the regions first (the Population… button); kcdesk ships no population figures.</source>
        <translation>Алдымен өңірлердің халық санын енгізіңіз («Халық саны…» батырмасы); kcdesk халық саны деректерін қамтымайды.</translation>
    </message>
    <message>
        <source>Requests by region</source>
        <translation>Өңірлер бойынша сұрау салулар</translation>
    </message>
    <message>
        <source>Change against the previous quarter, %</source>
        <translation>Алдыңғы тоқсанмен салыстырғандағы өзгеріс, %</translation>
    </message>
    <message>
        <source>Region not stated: %1</source>
        <translation>Өңірі көрсетілмеген: %1</translation>
    </message>
</context>
<context>
    <name>PopulationDialog</name>
    <message>
        <source>Population of the regions</source>
        <translation>Өңірлердің халық саны</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>Өңір</translation>
    </message>
    <message>
        <source>Residents</source>
        <translation>Тұрғындар</translation>
    </message>
    <message>
        <source>Paste from Excel</source>
        <translation>Excel-ден қою</translation>
    </message>
    <message>
        <source>kcdesk ships no population figures: type them or paste two columns (region, residents) or one column in this order from Excel.</source>
        <translation>kcdesk халық саны деректерін қамтымайды: оларды теріңіз немесе Excel-ден екі бағанды (өңір, тұрғындар) не осы ретпен бір бағанды қойыңыз.</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <source>&amp;Look in:</source>
        <translation>Қайда қ&amp;арау:</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>Файлдар &amp;түрі:</translation>
    </message>
    <message>
        <source>Look in:</source>
        <translation>Қайда қарау:</translation>
    </message>
    <message>
        <source>Files of type:</source>
        <translation>Файлдар түрі:</translation>
    </message>
</context>
<context>
    <name>ReadinessPanel</name>
    <message>
        <source>What a head of department would send back. Saving is still allowed; each button opens the place where the item is filled in.</source>
        <translation>Бөлім басшысы қайтаруы мүмкін тұстар. Сақтауға бәрібір болады; әр түйме тиісті мәлімет толтырылатын жерді ашады.</translation>
    </message>
    <message>
        <source>Before signing</source>
        <translation>Қол қоюға дейін</translation>
    </message>
    <message>
        <source>Topics without a name in the language of the справка</source>
        <translation>Анықтама тілінде атауы жоқ тақырыптар</translation>
    </message>
    <message>
        <source>Topic as in the export</source>
        <translation>Выгрузкадағы тақырып</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>Сұрау салулар</translation>
    </message>
    <message>
        <source>Name in the справка&apos;s language</source>
        <translation>Анықтама тіліндегі атауы</translation>
    </message>
    <message>
        <source>Save the names</source>
        <translation>Атауларды сақтау</translation>
    </message>
    <message>
        <source>Stage 1…</source>
        <translation>1-кезең…</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>Импорт…</translation>
    </message>
    <message>
        <source>Details…</source>
        <translation>Мәліметтер…</translation>
    </message>
    <message>
        <source>Below…</source>
        <translation>Мәтінге…</translation>
    </message>
    <message>
        <source>Nothing left: the справка can be signed as it is.</source>
        <translation>Ескерту жоқ: анықтамаға осы күйінде қол қоюға болады.</translation>
    </message>
</context>
<context>
    <name>ReportDetails</name>
    <message>
        <source>Draft</source>
        <translation>Дайындалуда</translation>
    </message>
    <message>
        <source>Submitted to the head</source>
        <translation>Басшыға ұсынылды</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>Бекітілді</translation>
    </message>
    <message>
        <source>Posted</source>
        <translation>Орналастырылды</translation>
    </message>
    <message>
        <source>Signatory and contact centre (the same for every quarter)</source>
        <translation>Қол қоюшы және байланыс орталығы (барлық тоқсандар үшін бірдей)</translation>
    </message>
    <message>
        <source>Body (in Kazakh)</source>
        <translation>Мемлекеттік орган (қазақша)</translation>
    </message>
    <message>
        <source>Body (in Russian)</source>
        <translation>Мемлекеттік орган (орысша)</translation>
    </message>
    <message>
        <source>Contact centre (in Kazakh)</source>
        <translation>Байланыс орталығы (қазақша)</translation>
    </message>
    <message>
        <source>Contact centre (in Russian)</source>
        <translation>Байланыс орталығы (орысша)</translation>
    </message>
    <message>
        <source>Contact centre phone</source>
        <translation>Байланыс орталығының телефоны</translation>
    </message>
    <message>
        <source>Signatory</source>
        <translation>Қол қоюшы</translation>
    </message>
    <message>
        <source>Signatory&apos;s position (in Kazakh)</source>
        <translation>Қол қоюшының лауазымы (қазақша)</translation>
    </message>
    <message>
        <source>Signatory&apos;s position (in Russian)</source>
        <translation>Қол қоюшының лауазымы (орысша)</translation>
    </message>
    <message>
        <source>Executor (name, for the &apos;Исп./Орынд.&apos; line)</source>
        <translation>Орындаушы («Орынд.» жолына арналған аты-жөні)</translation>
    </message>
    <message>
        <source>Executor&apos;s phone</source>
        <translation>Орындаушының телефоны</translation>
    </message>
    <message>
        <source>State of the справка</source>
        <translation>Анықтаманың күйі</translation>
    </message>
    <message>
        <source>Set</source>
        <translation>Белгілеу</translation>
    </message>
    <message>
        <source>Deadlines of this quarter</source>
        <translation>Осы тоқсанның мерзімдері</translation>
    </message>
    <message>
        <source>Now: %1</source>
        <translation>Қазір: %1</translation>
    </message>
    <message>
        <source>Analysis and справка (§3, the 5th)</source>
        <translation>Талдау және анықтама (3-т., айдың 5-іне дейін)</translation>
    </message>
    <message>
        <source>End of the 10-working-day window (§5)</source>
        <translation>10 жұмыс күні мерзімінің соңы (5-т.)</translation>
    </message>
    <message>
        <source>Posting on the website (§16, the 25th)</source>
        <translation>Сайтқа орналастыру (16-т., айдың 25-іне дейін)</translation>
    </message>
    <message>
        <source>passed</source>
        <translation>мерзімі өтті</translation>
    </message>
    <message>
        <source>today</source>
        <translation>бүгін</translation>
    </message>
    <message numerus="yes">
        <source>%n working day(s) left</source>
        <translation>
            <numerusform>%n жұмыс күні қалды</numerusform>
            <numerusform>%n жұмыс күні қалды</numerusform>
        </translation>
    </message>
    <message>
        <source> (the %1 is a day off)</source>
        <translation> (%1 — демалыс күні)</translation>
    </message>
    <message>
        <source>The справка cannot be marked &quot;%1&quot; yet: fill in %2 on this tab first.</source>
        <translation>Анықтаманы әлі «%1» деп белгілеуге болмайды: алдымен осы қойындыда %2 толтырыңыз.</translation>
    </message>
</context>
<context>
    <name>ReportStep</name>
    <message>
        <source>The справка</source>
        <translation>Анықтама</translation>
    </message>
    <message>
        <source>Language of the справка:</source>
        <translation>Анықтаманың тілі:</translation>
    </message>
    <message>
        <source>Save .docx…</source>
        <translation>.docx сақтау…</translation>
    </message>
    <message>
        <source>Save .xlsx…</source>
        <translation>.xlsx сақтау…</translation>
    </message>
    <message>
        <source>Save PDF…</source>
        <translation>PDF сақтау…</translation>
    </message>
    <message>
        <source>Save work plans…</source>
        <translation>Жұмыс жоспарларын сақтау…</translation>
    </message>
    <message>
        <source>Template: %1</source>
        <translation>Үлгі: %1</translation>
    </message>
    <message>
        <source>standard</source>
        <translation>стандартты</translation>
    </message>
    <message>
        <source>The text is drafted from the analysis. Edit any paragraph: your text is saved in the project as you type and replaces the draft; clear a paragraph to get the draft back.</source>
        <translation>Мәтін талдау нәтижелері бойынша жасалған. Кез келген абзацты өңдей аласыз: мәтініңіз теру барысында жобаға сақталып, дайындалған мәтінді ауыстырады; бастапқы мәтінді қайтару үшін абзацты тазалаңыз.</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Мәтін</translation>
    </message>
    <message>
        <source>Details, state and deadlines</source>
        <translation>Деректемелер, күйі және мерзімдері</translation>
    </message>
    <message>
        <source>Before signing (%1)</source>
        <translation>Қол қоюға дейін (%1)</translation>
    </message>
    <message>
        <source>Before signing</source>
        <translation>Қол қоюға дейін</translation>
    </message>
    <message>
        <source>You wrote this paragraph in the other language only: the draft in the language of the справка is shown; write yours here.</source>
        <translation>Бұл абзацты тек екінші тілде жаздыңыз: мұнда анықтама тіліндегі жоба көрсетілген; өз мәтініңізді осында жазыңыз.</translation>
    </message>
    <message>
        <source>Fill in the signatory and the body on the &quot;Details&quot; tab before sending the справка.</source>
        <translation>Анықтаманы жібермес бұрын «Деректемелер» қойындысында қол қоюшы мен мемлекеттік органды толтырыңыз.</translation>
    </message>
    <message>
        <source>Template of the справка</source>
        <translation>Анықтаманың үлгісі</translation>
    </message>
    <message>
        <source>Folder for the work plans</source>
        <translation>Жұмыс жоспарларына арналған қалта</translation>
    </message>
    <message>
        <source>Word documents (*.docx)</source>
        <translation>Word құжаттары (*.docx)</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel кітаптары (*.xlsx)</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF файлдары (*.pdf)</translation>
    </message>
    <message>
        <source>Save the справка</source>
        <translation>Анықтаманы сақтау</translation>
    </message>
    <message>
        <source>Saved: %1</source>
        <translation>Сақталды: %1</translation>
    </message>
</context>
<context>
    <name>SearchPage</name>
    <message>
        <source>Words to find in every question of the project; &quot;…&quot; for a phrase</source>
        <translation>Жобаның барлық сұрақтарынан іздейтін сөздер; &quot;…&quot; — нақты тіркес</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>Табу</translation>
    </message>
    <message>
        <source>Requests found for «%1»: %2 (the examples below are the best matches).</source>
        <translation>«%1» бойынша табылған сұрау салулар: %2 (төменде — ең сәйкес мысалдар).</translation>
    </message>
    <message>
        <source>Quarter</source>
        <translation>Тоқсан</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>Сұрау салулар</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>Өңір</translation>
    </message>
    <message>
        <source>topic not stated</source>
        <translation>тақырыбы көрсетілмеген</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>Тақырып</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>Сұрақ</translation>
    </message>
</context>
<context>
    <name>Session</name>
    <message>
        <source>Please wait: another task is still running.</source>
        <translation>Күте тұрыңыз: басқа тапсырма әлі орындалуда.</translation>
    </message>
</context>
<context>
    <name>Stage1Step</name>
    <message>
        <source>Stage 1 — the situation</source>
        <translation>1-кезең — ағымдағы жағдай</translation>
    </message>
    <message>
        <source>Red rows: topics up by more than 30 % against the same quarter a year ago, or new since then. &quot;few&quot;: counts too small for the percentage to mean much (the rule still applies). Click a column header to sort; Ctrl+C copies.</source>
        <translation>Қызыл жолдар: өткен жылдың осы тоқсанымен салыстырғанда 30 %-дан астам өскен немесе содан бері жаңадан пайда болған тақырыптар. «аз»: пайыздың мәні болмайтындай тым аз сандар (ереже бәрібір қолданылады). Сұрыптау үшін баған тақырыбын басыңыз; Ctrl+C көшіреді.</translation>
    </message>
    <message>
        <source>Red rows: topics up by more than 30 % or new this quarter. &quot;few&quot;: counts too small for the percentage to mean much (the rule still applies). Click a column header to sort; Ctrl+C copies.</source>
        <translation>Қызыл жолдар: 30 %-дан астам өскен немесе осы тоқсанда жаңадан пайда болған тақырыптар. «аз»: пайыздың мәні болмайтындай тым аз сандар (ереже бәрібір қолданылады). Сұрыптау үшін баған тақырыбын басыңыз; Ctrl+C көшіреді.</translation>
    </message>
    <message>
        <source>The +30 % rule (§11) compares with:</source>
        <translation>30 % ережесі (11-тармақ) мынамен салыстырады:</translation>
    </message>
    <message>
        <source>the previous quarter (the Methodology&apos;s default)</source>
        <translation>алдыңғы тоқсанмен (Әдістеме бойынша әдепкі)</translation>
    </message>
    <message>
        <source>the same quarter a year ago</source>
        <translation>өткен жылдың осы тоқсанымен</translation>
    </message>
    <message>
        <source>Topics</source>
        <translation>Тақырыптар</translation>
    </message>
    <message>
        <source>Regions</source>
        <translation>Өңірлер</translation>
    </message>
    <message>
        <source>Channels and reference totals</source>
        <translation>Арналар және бақылау жиынтықтары</translation>
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
        <translation>30 %-дан астам өскен және жаңа тақырыптар:</translation>
    </message>
    <message>
        <source>Topic catalogue: rename, names in kk/ru, merge…</source>
        <translation>Тақырыптар каталогы: атауын өзгерту, қазақша/орысша атаулар, біріктіру…</translation>
    </message>
    <message>
        <source>A double click on a topic opens it in the catalogue.</source>
        <translation>Тақырыпты екі рет басса, ол каталогта ашылады.</translation>
    </message>
    <message>
        <source>Your reasons for the change, in each language of the справка (saved as you type):</source>
        <translation>Өзгеріс себептері, анықтаманың әр тілінде (теру барысында сақталады):</translation>
    </message>
    <message>
        <source>Reference totals (S1.5)</source>
        <translation>Бақылау жиынтықтары (S1.5)</translation>
    </message>
    <message>
        <source>Qlik module total:</source>
        <translation>Qlik модулінің жиынтығы:</translation>
    </message>
    <message>
        <source>Other channels total:</source>
        <translation>Басқа арналар бойынша жиынтық:</translation>
    </message>
    <message>
        <source>No data yet: import the exports on the Import step.</source>
        <translation>Әзірге деректер жоқ: экспорттарды «Импорт» қадамында импорттаңыз.</translation>
    </message>
    <message>
        <source>Requests in %1: %2</source>
        <translation>%1 ішіндегі сұрау салулар: %2</translation>
    </message>
    <message>
        <source>previous quarter: %1, change %2</source>
        <translation>алдыңғы тоқсан: %1, өзгеріс %2</translation>
    </message>
    <message>
        <source>a year ago: %1, change %2</source>
        <translation>бір жыл бұрын: %1, өзгеріс %2</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>Тақырып</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>Сұрау салулар</translation>
    </message>
    <message>
        <source>Previous quarter</source>
        <translation>Алдыңғы тоқсан</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Өзгеріс</translation>
    </message>
    <message>
        <source>Change, %</source>
        <translation>Өзгеріс, %</translation>
    </message>
    <message>
        <source>A year ago</source>
        <translation>Бір жыл бұрын</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Белгі</translation>
    </message>
    <message>
        <source>Change on a year ago, %</source>
        <translation>Бір жыл бұрынғымен салыстырғанда өзгеріс, %</translation>
    </message>
    <message>
        <source>new</source>
        <translation>жаңа</translation>
    </message>
    <message>
        <source>few</source>
        <translation>аз</translation>
    </message>
    <message>
        <source>over +30 %</source>
        <translation>30 %-дан астам өсім</translation>
    </message>
    <message>
        <source>small counts</source>
        <translation>аз сандар</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>Өңір</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Арна</translation>
    </message>
    <message>
        <source>Qlik module</source>
        <translation>Qlik модулі</translation>
    </message>
    <message>
        <source>Other channels</source>
        <translation>Басқа арналар</translation>
    </message>
    <message>
        <source>%1: %2 entered, %3 imported, difference %4</source>
        <translation>%1: енгізілгені %2, импортталғаны %3, айырмасы %4</translation>
    </message>
    <message>
        <source>Enter the totals to compare them with the import.</source>
        <translation>Импортталған деректермен салыстыру үшін жиынтықтарды енгізіңіз.</translation>
    </message>
    <message>
        <source>Requests by region</source>
        <translation>Өңірлер бойынша сұрау салулар</translation>
    </message>
    <message>
        <source>In Kazakh</source>
        <translation>Қазақша</translation>
    </message>
    <message>
        <source>In Russian</source>
        <translation>Орысша</translation>
    </message>
    <message>
        <source>not written yet</source>
        <translation>әлі жазылмаған</translation>
    </message>
    <message>
        <source>Regions that grew most:</source>
        <translation>Ең көп өскен өңірлер:</translation>
    </message>
    <message>
        <source>Channels that grew most:</source>
        <translation>Ең көп өскен арналар:</translation>
    </message>
    <message>
        <source>No topic is over +30 % this quarter.</source>
        <translation>Осы тоқсанда 30 %-дан астам өскен тақырып жоқ.</translation>
    </message>
</context>
<context>
    <name>Stage2Step</name>
    <message>
        <source>Stage 2 — the top 10</source>
        <translation>2-кезең — үздік 10</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>Көрсету:</translation>
    </message>
    <message>
        <source>Topics with equal counts share a rank (yellow rows), so a list can hold more than ten lines. Red bars: topics over +30 % or new.</source>
        <translation>Сұрау салулар саны бірдей тақырыптар бір орынды бөліседі (сары жолдар), сондықтан тізімде оннан көп жол болуы мүмкін. Қызыл бағандар: 30 %-дан астам өскен немесе жаңа тақырыптар.</translation>
    </message>
    <message>
        <source>Country-wide</source>
        <translation>Бүкіл ел бойынша</translation>
    </message>
    <message>
        <source>All regions side by side</source>
        <translation>Барлық өңірлер қатар</translation>
    </message>
    <message>
        <source>No data yet: import the exports on the Import step.</source>
        <translation>Әзірге деректер жоқ: экспорттарды «Импорт» қадамында импорттаңыз.</translation>
    </message>
    <message>
        <source>Rank</source>
        <translation>Орын</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>Тақырып</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>Сұрау салулар</translation>
    </message>
    <message>
        <source>Share of the top, %</source>
        <translation>Үздіктер ішіндегі үлесі, %</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Жол</translation>
    </message>
</context>
<context>
    <name>Stage3Step</name>
    <message>
        <source>Stage 3 — the social portrait</source>
        <translation>3-кезең — әлеуметтік портрет</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>Жасы</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>Жынысы</translation>
    </message>
    <message>
        <source>Social status</source>
        <translation>Әлеуметтік мәртебесі</translation>
    </message>
    <message>
        <source>Marital status</source>
        <translation>Отбасылық жағдайы</translation>
    </message>
    <message>
        <source>Education</source>
        <translation>Білімі</translation>
    </message>
    <message>
        <source>Occupation</source>
        <translation>Қызмет түрі</translation>
    </message>
    <message>
        <source>Dimension:</source>
        <translation>Белгі:</translation>
    </message>
    <message>
        <source>Every band is listed, also those with no requests; &quot;not stated&quot; counts the requests without that detail. Each dimension adds up to the quarter&apos;s total.</source>
        <translation>Барлық топтар көрсетілген, оның ішінде сұрау салулары жоқтары да; «көрсетілмеген» — бұл мәліметі жоқ сұрау салулар. Әр белгі бойынша қосынды тоқсанның жиынтығына тең.</translation>
    </message>
    <message>
        <source>No data yet: import the exports on the Import step.</source>
        <translation>Әзірге деректер жоқ: экспорттарды «Импорт» қадамында импорттаңыз.</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>Сұрау салулар</translation>
    </message>
    <message>
        <source>Share, %</source>
        <translation>Үлесі, %</translation>
    </message>
</context>
<context>
    <name>StartPage</name>
    <message>
        <source>Quarterly analysis of citizens&apos; requests</source>
        <translation>Азаматтардың сұрау салуларын тоқсан сайынғы талдау</translation>
    </message>
    <message>
        <source>Import the contact centre&apos;s exports, review the three stages of the analysis and write the справка prescribed by the Methodology (order No. 114-НҚ). Everything stays on this computer.</source>
        <translation>Байланыс орталығының экспорттарын импорттап, талдаудың үш кезеңін қарап шығыңыз және Әдістемеде (№ 114-НҚ бұйрық) көзделген анықтаманы дайындаңыз. Барлық деректер осы компьютерде қалады.</translation>
    </message>
    <message>
        <source>New project…</source>
        <translation>Жаңа жоба…</translation>
    </message>
    <message>
        <source>Open project…</source>
        <translation>Жобаны ашу…</translation>
    </message>
    <message>
        <source>Open the demo project</source>
        <translation>Демо-жобаны ашу</translation>
    </message>
    <message>
        <source>Recent projects (double-click to open):</source>
        <translation>Соңғы жобалар (ашу үшін екі рет басыңыз):</translation>
    </message>
</context>
<context>
    <name>TopicCatalogue</name>
    <message>
        <source>Topic catalogue</source>
        <translation>Тақырыптар каталогы</translation>
    </message>
    <message>
        <source>Topics as the exports spell them. Choose one to rename it or give its Kazakh and Russian names (the справка uses them); choose several spellings of one topic and merge them: later imports of those spellings land on the same topic. Every change can be undone.</source>
        <translation>Тақырыптар выгрузуларда қалай жазылса, солай көрсетілген. Атауын өзгерту немесе қазақша және орысша атауын беру үшін біреуін таңдаңыз (анықтама соларды пайдаланады); бір тақырыптың бірнеше жазылуын таңдап, біріктіріңіз: кейінгі импорттарда бұл жазылулар сол тақырыпқа түседі. Әр өзгерісті болдырмауға болады.</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Атауы:</translation>
    </message>
    <message>
        <source>Name in Kazakh:</source>
        <translation>Қазақша атауы:</translation>
    </message>
    <message>
        <source>Name in Russian:</source>
        <translation>Орысша атауы:</translation>
    </message>
    <message>
        <source>Save the names</source>
        <translation>Атауларды сақтау</translation>
    </message>
    <message>
        <source>Merge the selected topics into:</source>
        <translation>Таңдалған тақырыптарды біріктіру:</translation>
    </message>
    <message>
        <source>Merge</source>
        <translation>Біріктіру</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Болдырмау</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>Тақырып</translation>
    </message>
    <message>
        <source>In Kazakh</source>
        <translation>Қазақша</translation>
    </message>
    <message>
        <source>In Russian</source>
        <translation>Орысша</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>Сұрау салулар</translation>
    </message>
    <message>
        <source>Renamed: %1.</source>
        <translation>Атауы өзгертілді: %1.</translation>
    </message>
    <message>
        <source>Merged into %1: %2 requests.</source>
        <translation>«%1» тақырыбына біріктірілді: %2 сұрау салу.</translation>
    </message>
    <message>
        <source>Undone.</source>
        <translation>Болдырылмады.</translation>
    </message>
</context>
<context>
    <name>UnresolvedTable</name>
    <message>
        <source>— not stated (unknown)</source>
        <translation>— көрсетілмеген (белгісіз)</translation>
    </message>
    <message>
        <source>— outside Kazakhstan</source>
        <translation>— Қазақстаннан тыс</translation>
    </message>
    <message>
        <source>These values could not be recognised, so their requests count as &quot;not stated&quot;. Choose what a value means and press Apply: the project remembers it for every import.</source>
        <translation>Бұл мәндер танылмады, сондықтан олардың сұрау салулары «көрсетілмеген» болып есептеледі. Мәннің нені білдіретінін таңдап, «Қолдану» батырмасын басыңыз: жоба мұны барлық импорт үшін есте сақтайды.</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Өріс</translation>
    </message>
    <message>
        <source>Value in the file</source>
        <translation>Файлдағы мән</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>Сұрау салулар</translation>
    </message>
    <message>
        <source>What it means</source>
        <translation>Нені білдіреді</translation>
    </message>
    <message>
        <source>(choose)</source>
        <translation>(таңдаңыз)</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Қолдану</translation>
    </message>
    <message>
        <source>%1 requests now count for %2.</source>
        <translation>«%2» ретінде енді есептелетін сұрау салулар: %1.</translation>
    </message>
</context>
<context>
    <name>dialogs</name>
    <message>
        <source>Replace the file?</source>
        <translation>Файлды ауыстыру керек пе?</translation>
    </message>
    <message>
        <source>%1 already exists.
Do you want to replace it?</source>
        <translation>%1 бар.
Оны ауыстыру керек пе?</translation>
    </message>
    <message>
        <source>Replace the files?</source>
        <translation>Файлдарды ауыстыру керек пе?</translation>
    </message>
    <message>
        <source>These files already exist in the folder:
%1

Replace them?</source>
        <translation>Бумада бұл файлдар бар:
%1

Оларды ауыстыру керек пе?</translation>
    </message>
</context>
<context>
    <name>fields</name>
    <message>
        <source>Request number</source>
        <translation>Сұрау салудың нөмірі</translation>
    </message>
    <message>
        <source>Registration date</source>
        <translation>Тіркелген күні</translation>
    </message>
    <message>
        <source>Processing date</source>
        <translation>Қаралған күні</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Арна</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>Өңір</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>Тақырып</translation>
    </message>
    <message>
        <source>Subtopic</source>
        <translation>Тақырыпша</translation>
    </message>
    <message>
        <source>Question text</source>
        <translation>Сұрақтың мәтіні</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>Жынысы</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Туған күні</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>Жасы</translation>
    </message>
    <message>
        <source>IIN</source>
        <translation>ЖСН</translation>
    </message>
    <message>
        <source>Marital status</source>
        <translation>Отбасылық жағдайы</translation>
    </message>
    <message>
        <source>Education</source>
        <translation>Білімі</translation>
    </message>
    <message>
        <source>Occupation</source>
        <translation>Қызмет түрі</translation>
    </message>
    <message>
        <source>Social status</source>
        <translation>Әлеуметтік мәртебесі</translation>
    </message>
    <message>
        <source>Contact centre</source>
        <translation>Байланыс орталығы</translation>
    </message>
    <message>
        <source>Contact centre phone</source>
        <translation>Байланыс орталығының телефоны</translation>
    </message>
    <message>
        <source>Applicant&apos;s name</source>
        <translation>Өтініш берушінің аты-жөні</translation>
    </message>
    <message>
        <source>Applicant&apos;s phone</source>
        <translation>Өтініш берушінің телефоны</translation>
    </message>
</context>
<context>
    <name>formatting</name>
    <message>
        <source>{roman} quarter {year}</source>
        <translation>{year} жылғы {roman} тоқсан</translation>
    </message>
    <message>
        <source>region not stated</source>
        <translation>өңірі көрсетілмеген</translation>
    </message>
    <message>
        <source>not stated</source>
        <translation>көрсетілмеген</translation>
    </message>
    <message>
        <source>other</source>
        <translation>басқалары</translation>
    </message>
</context>
<context>
    <name>messages</name>
    <message>
        <source>{file}: no such file</source>
        <translation>{file}: мұндай файл жоқ</translation>
    </message>
    <message>
        <source>{file}: is a folder, not a file</source>
        <translation>{file}: бұл файл емес, қалта</translation>
    </message>
    <message>
        <source>{file}: the file is empty</source>
        <translation>{file}: файл бос</translation>
    </message>
    <message>
        <source>{file}: cannot be read ({reason}); close it in other programs or check the permissions</source>
        <translation>{file}: оқу мүмкін емес ({reason}); файлды басқа бағдарламаларда жабыңыз немесе қол жеткізу құқықтарын тексеріңіз</translation>
    </message>
    <message>
        <source>{file}: not a spreadsheet or CSV file kcdesk can read ({reason})</source>
        <translation>{file}: kcdesk оқи алатын кесте немесе CSV файлы емес ({reason})</translation>
    </message>
    <message>
        <source>{file}: the workbook is damaged or truncated ({reason})</source>
        <translation>{file}: кітап бүлінген немесе толық емес ({reason})</translation>
    </message>
    <message>
        <source>{file}: the workbook is password-protected; save it without a password and import again</source>
        <translation>{file}: кітап құпиясөзбен қорғалған; оны құпиясөзсіз сақтап, қайта импорттаңыз</translation>
    </message>
    <message>
        <source>{file}: this is a {reason}, not a spreadsheet</source>
        <translation>{file}: бұл кесте емес, {reason}</translation>
    </message>
    <message>
        <source>{file}: sheet {sheet} would take too much memory to read ({reason})</source>
        <translation>{file}: {sheet} парағын оқуға тым көп жад қажет ({reason})</translation>
    </message>
    <message>
        <source>{file}: the workbook contains constructs kcdesk refuses to read ({reason})</source>
        <translation>{file}: кітапта kcdesk оқымайтын құрылымдар бар ({reason})</translation>
    </message>
    <message>
        <source>{file}: the spreadsheet reader failed on this file ({reason})</source>
        <translation>{file}: кестені оқу сәтсіз аяқталды ({reason})</translation>
    </message>
    <message>
        <source>{file}: the workbook has no sheets with data</source>
        <translation>{file}: кітапта деректері бар парақ жоқ</translation>
    </message>
    <message>
        <source>{file}, sheet {sheet}: the sheet is empty</source>
        <translation>{file}, {sheet} парағы: парақ бос</translation>
    </message>
    <message>
        <source>{file}: there is no sheet named {sheet}</source>
        <translation>{file}: {sheet} деп аталатын парақ жоқ</translation>
    </message>
    <message>
        <source>{file}, sheet {sheet}: no header row with recognisable column names in the first {row} rows</source>
        <translation>{file}, {sheet} парағы: алғашқы {row} жолда танылатын баған атаулары бар тақырып жолы жоқ</translation>
    </message>
    <message>
        <source>{file}, sheet {sheet}: the header is on row {row} but there are no data rows under it</source>
        <translation>{file}, {sheet} парағы: тақырып {row}-жолда, бірақ одан төмен деректер жолы жоқ</translation>
    </message>
    <message>
        <source>{file}: the text encoding could not be recognised</source>
        <translation>{file}: мәтіннің кодтамасы анықталмады</translation>
    </message>
    <message>
        <source>{file}: the table cannot be read from record {row} on ({reason}); check the export</source>
        <translation>{file}: кестені {row}-жазбадан бастап оқу мүмкін емес ({reason}); экспортты тексеріңіз</translation>
    </message>
    <message>
        <source>{file}: this cp1251 file has &apos;?&apos; where Kazakh letters should be ({count} cells, e.g. row {row}); re-export it as UTF-8</source>
        <translation>{file}: осы cp1251 файлында қазақ әріптерінің орнында «?» тұр ({count} ұяшық, мысалы {row}-жол); оны UTF-8 түрінде қайта экспорттаңыз</translation>
    </message>
    <message>
        <source>{file}, sheet {sheet}: this file was imported before; its rows are not counted again</source>
        <translation>{file}, {sheet} парағы: бұл файл бұрын импортталған; оның жолдары қайта есептелмейді</translation>
    </message>
    <message>
        <source>{file}, sheet {sheet}: no registration or processing date column found</source>
        <translation>{file}, {sheet} парағы: тіркелген немесе қаралған күн бағаны табылмады</translation>
    </message>
    <message>
        <source>{file}, sheet {sheet}: column {column} holds IINs or phone numbers, so it is not used as the request number</source>
        <translation>{file}, {sheet} парағы: {column}-бағанда ЖСН немесе телефон нөмірлері бар, сондықтан ол сұрау салу нөмірі ретінде пайдаланылмайды</translation>
    </message>
    <message>
        <source>{file}, sheet {sheet}: the column &apos;{value}&apos; only counts the rows (1, 2, 3 ...), so it is not used as the request number</source>
        <translation>{file}, {sheet} парағы: «{value}» бағаны тек жолдарды нөмірлейді (1, 2, 3 ...), сондықтан ол сұрау салу нөмірі ретінде пайдаланылмайды</translation>
    </message>
    <message>
        <source>{file}, sheet {sheet}: {count} request numbers were IINs or phone numbers; they are not stored and those requests are kept without a number</source>
        <translation>{file}, {sheet} парағы: {count} сұрау салу нөмірі ЖСН немесе телефон нөмірі болып шықты; олар сақталмады, ал сұрау салулардың өзі нөмірсіз сақталды</translation>
    </message>
    <message>
        <source>{file}, sheet {sheet}: the column &apos;{value}&apos; is read as {field} because {count} % of its values are {field} values</source>
        <translation>{file}, {sheet} парағы: «{value}» бағаны «{field}» ретінде оқылды, өйткені оның мәндерінің {count} %-ы осы өрістің мәндері</translation>
    </message>
    <message>
        <source>{file}, sheet {sheet}: the unused column &apos;{value}&apos; looks like {field} ({count} % of its values); choose that field for it if it is (--map in the command line)</source>
        <translation>{file}, {sheet} парағы: пайдаланылмаған «{value}» бағаны «{field}» өрісіне ұқсайды (мәндердің {count} %-ы); солай болса, оған осы өрісті таңдаңыз (командалық жолда — --map)</translation>
    </message>
    <message>
        <source>--map {value}: unknown field &apos;{field}&apos;</source>
        <translation>--map {value}: «{field}» деген белгісіз өріс</translation>
    </message>
    <message>
        <source>{field} {value}: expected the form the option&apos;s help shows</source>
        <translation>{field} {value}: параметр анықтамасында көрсетілген түр күтіледі</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a {field} kcdesk knows</source>
        <translation>«{value}» — kcdesk білмейтін мән ({field})</translation>
    </message>
    <message>
        <source>--map {value}: expected &quot;Header text=field&quot;</source>
        <translation>--map {value}: «Тақырып мәтіні=өріс» түрі күтіледі</translation>
    </message>
    <message>
        <source>{file}, sheet {sheet}: --map names a header &apos;{value}&apos; that the sheet does not have</source>
        <translation>{file}, {sheet} парағы: --map парақта жоқ «{value}» тақырыбын көрсетеді</translation>
    </message>
    <message>
        <source>{file}: no such project</source>
        <translation>{file}: мұндай жоба жоқ</translation>
    </message>
    <message>
        <source>{file}: not a kcdesk project file ({reason})</source>
        <translation>{file}: kcdesk жобасының файлы емес ({reason})</translation>
    </message>
    <message>
        <source>{file}: made by a newer kcdesk (schema {value}); update kcdesk to open it</source>
        <translation>{file}: kcdesk-тің жаңарақ нұсқасында жасалған (схема {value}); ашу үшін kcdesk-ті жаңартыңыз</translation>
    </message>
    <message>
        <source>{file}: the project is being written by another kcdesk; try again in a moment</source>
        <translation>{file}: жобаға қазір басқа kcdesk жазып жатыр; сәлден кейін қайталаңыз</translation>
    </message>
    <message>
        <source>{file}: the project file was changed outside kcdesk ({reason}); kcdesk does not open it; restore a backup copy</source>
        <translation>{file}: жоба файлы kcdesk-тен тыс өзгертілген ({reason}); kcdesk оны ашпайды; сақтық көшірмені қалпына келтіріңіз</translation>
    </message>
    <message>
        <source>{file}: the project file is damaged ({reason}); kcdesk does not open it; restore a backup copy</source>
        <translation>{file}: жоба файлы зақымдалған ({reason}); kcdesk оны ашпайды; сақтық көшірмені қалпына келтіріңіз</translation>
    </message>
    <message>
        <source>{file}: an unfinished change from an earlier run did not belong to this file ({reason}); it was not applied and was moved aside as {value}</source>
        <translation>{file}: алдыңғы іске қосудан қалған аяқталмаған өзгеріс бұл файлға тиесілі емес ({reason}); ол қолданылмады және {value} деген атпен бөлек сақталды</translation>
    </message>
    <message>
        <source>{file}: the disk is full (or a file size limit was reached); nothing was changed; free some space and try again</source>
        <translation>{file}: диск толы (немесе файл өлшемінің шегіне жетті); ештеңе өзгерген жоқ; орын босатып, қайталап көріңіз</translation>
    </message>
    <message>
        <source>{file}: the disk refused a write (full, a file size limit, or a disk error); nothing was changed; free some space or check the disk and try again</source>
        <translation>{file}: диск жазуды қабылдамады (толы, файл өлшемінің шегі немесе диск қатесі); ештеңе өзгерген жоқ; орын босатыңыз немесе дискіні тексеріп, қайталап көріңіз</translation>
    </message>
    <message>
        <source>{file}: the project file cannot be written ({reason})</source>
        <translation>{file}: жоба файлына жазу мүмкін емес ({reason})</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a quarter rule; use registered or processed</source>
        <translation>«{value}» — тоқсанға жатқызу ережесі емес; registered немесе processed қолданыңыз</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a comparison basis; use previous or year-ago</source>
        <translation>«{value}» – салыстыру негізі емес; previous немесе year-ago деп жазыңыз</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a state of the справка; use draft, submitted, approved or posted</source>
        <translation>«{value}» — анықтаманың күйі емес; draft, submitted, approved немесе posted қолданыңыз</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a quarter; write it as 2026-Q3</source>
        <translation>«{value}» — тоқсан емес; 2026-Q3 түрінде жазыңыз</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a date; write it as 2026-10-02</source>
        <translation>«{value}» — күн емес; 2026-10-02 түрінде жазыңыз</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a map measure; use count, change or rate</source>
        <translation>«{value}» — карта көрсеткіші емес; count, change немесе rate қолданыңыз</translation>
    </message>
    <message>
        <source>the project has no population figures for the map&apos;s rate per 10,000 residents</source>
        <translation>жобада 10 000 тұрғынға шаққандағы көрсеткіш үшін халық саны туралы деректер жоқ</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a topic of this project</source>
        <translation>«{value}» — бұл жобаның тақырыбы емес</translation>
    </message>
    <message>
        <source>the project has no requests in {value}</source>
        <translation>жобада {value} бойынша сұрау салулар жоқ</translation>
    </message>
    <message>
        <source>the project holds no requests yet; import an export first</source>
        <translation>жобада әзірге сұрау салулар жоқ; алдымен экспортты импорттаңыз</translation>
    </message>
    <message>
        <source>{file}: no such template</source>
        <translation>{file}: мұндай үлгі жоқ</translation>
    </message>
    <message>
        <source>{file}: the template cannot be used ({reason})</source>
        <translation>{file}: үлгіні пайдалану мүмкін емес ({reason})</translation>
    </message>
    <message>
        <source>{file}: the template&apos;s tag {value} is not allowed (&apos;{field}&apos; is not one of the placeholders kcdesk documents); nothing was written</source>
        <translation>{file}: үлгідегі {value} тегіне рұқсат жоқ (&apos;{field}&apos; — kcdesk құжаттамасында сипатталған толтырғыштардың бірі емес); ештеңе жазылған жоқ</translation>
    </message>
    <message>
        <source>{file}: the template&apos;s tag {value} would write too much; nothing was written</source>
        <translation>{file}: үлгідегі {value} тегі тым көп мәтін жазар еді; ештеңе жазылған жоқ</translation>
    </message>
    <message>
        <source>cannot make a PDF: neither LibreOffice nor Word is installed</source>
        <translation>PDF жасау мүмкін емес: LibreOffice те, Word те орнатылмаған</translation>
    </message>
    <message>
        <source>{file}: the PDF conversion failed ({reason})</source>
        <translation>{file}: PDF-ке түрлендіру сәтсіз аяқталды ({reason})</translation>
    </message>
    <message>
        <source>{file}: cannot write ({reason})</source>
        <translation>{file}: жазу мүмкін емес ({reason})</translation>
    </message>
    <message>
        <source>{file}: is a kcdesk project (or another database); an output never replaces it; choose another name</source>
        <translation>{file}: бұл kcdesk жобасы (немесе басқа дерекқор); нәтиже файлы оның орнына жазылмайды; басқа атау таңдаңыз</translation>
    </message>
    <message>
        <source>{file}: this command reads that file; choose another name for the output</source>
        <translation>{file}: бұл пәрмен осы файлды оқиды; нәтиже үшін басқа атау таңдаңыз</translation>
    </message>
    <message>
        <source>{file}: this file was imported into the project; kcdesk never writes over an export; choose another name</source>
        <translation>{file}: бұл файл жобаға импортталған; kcdesk экспортталған файлдың үстінен ешқашан жазбайды; басқа атау таңдаңыз</translation>
    </message>
    <message>
        <source>{file}: is not a regular file (a device, folder or pipe); choose another name</source>
        <translation>{file}: кәдімгі файл емес (құрылғы, қалта немесе арна); басқа атау таңдаңыз</translation>
    </message>
    <message>
        <source>{file}: is a symbolic link; kcdesk does not write through links; choose another name</source>
        <translation>{file}: символдық сілтеме; kcdesk сілтемелер арқылы жазбайды; басқа атау таңдаңыз</translation>
    </message>
    <message>
        <source>{file}: the folder {value} does not exist; create it first or choose another folder</source>
        <translation>{file}: {value} қалтасы жоқ; алдымен оны жасаңыз немесе басқа қалта таңдаңыз</translation>
    </message>
    <message>
        <source>{file}: named for two outputs of one command; give each output its own name</source>
        <translation>{file}: бір пәрменнің екі нәтижесіне берілген; әр нәтижеге жеке атау беріңіз</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a language of the справка; use kk or ru</source>
        <translation>«{value}» — анықтаманың тілі емес; kk немесе ru қолданыңыз</translation>
    </message>
    <message>
        <source>--chart {value}: expected KEY=FILE.png naming an existing image</source>
        <translation>--chart {value}: бар суретті көрсететін КІЛТ=ФАЙЛ.png күтіледі</translation>
    </message>
    <message>
        <source>{file}: not a JSON file kcdesk can use ({reason})</source>
        <translation>{file}: kcdesk пайдалана алатын JSON файлы емес ({reason})</translation>
    </message>
    <message>
        <source>{value}: expected KEY=VALUE</source>
        <translation>{value}: КІЛТ=МӘН күтіледі</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a text key the справка reads (reason:&lt;topic&gt;, para:&lt;key&gt;, conclusions, proposals, publish, workplan:&lt;topic&gt;)</source>
        <translation>«{value}» — анықтама оқитын мәтін кілті емес (reason:&lt;тақырып&gt;, para:&lt;кілт&gt;, conclusions, proposals, publish, workplan:&lt;тақырып&gt;)</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a справка setting; use one of: {reason}</source>
        <translation>«{value}» — анықтаманың баптауы емес; мыналардың бірін қолданыңыз: {reason}</translation>
    </message>
    <message>
        <source>{field}: give text (in quotes), not {reason}; nothing was saved</source>
        <translation>{field}: {reason} емес, мәтін беріңіз (тырнақшада); ештеңе сақталған жоқ</translation>
    </message>
    <message>
        <source>{field}: longer than {count} characters; nothing was saved</source>
        <translation>{field}: {count} таңбадан ұзын; ештеңе сақталған жоқ</translation>
    </message>
    <message>
        <source>{field}: not a phone number (digits, spaces, +, brackets and dashes; an IIN is not accepted); nothing was saved</source>
        <translation>{field}: телефон нөмірі емес (цифрлар, бос орындар, +, жақшалар және сызықшалар; ЖСН қабылданбайды); ештеңе сақталған жоқ</translation>
    </message>
    <message>
        <source>{value}: not a paragraph of the справка for {field}; list them with --keys; nothing was saved</source>
        <translation>{value}: {field} анықтамасында мұндай абзац жоқ; тізімін --keys арқылы көріңіз; ештеңе сақталған жоқ</translation>
    </message>
    <message>
        <source>give --quarter for the texts of a quarter</source>
        <translation>тоқсан мәтіндері үшін --quarter көрсетіңіз</translation>
    </message>
    <message>
        <source>cancelled; nothing was changed</source>
        <translation>тоқтатылды; ештеңе өзгертілмеді</translation>
    </message>
    <message>
        <source>{file}: already exists; choose another name or pass --force to replace it</source>
        <translation>{file}: бұрыннан бар; басқа атау таңдаңыз немесе ауыстыру үшін --force көрсетіңіз</translation>
    </message>
    <message>
        <source>--quarters {value}: the demo has 1 to {count} quarters</source>
        <translation>--quarters {value}: демода 1-ден {count}-ге дейін тоқсан бар</translation>
    </message>
    <message>
        <source>--accept {value}: give a confidence between 0 and 1, e.g. 0.8</source>
        <translation>--accept {value}: сенімділікті 0-ден 1-ге дейін көрсетіңіз, мысалы 0.8</translation>
    </message>
    <message>
        <source>no FAQ entry of group {value} in this analysis; give group ids as the summary lists them (g1,g3) or &apos;all&apos;</source>
        <translation>бұл талдауда {value} тобының жариялауға арналған сұрағы жоқ; топтарды қорытындыдағыдай көрсетіңіз (g1,g3) немесе &apos;all&apos;</translation>
    </message>
    <message>
        <source>&apos;{value}&apos;: give at least one word to search for</source>
        <translation>«{value}»: іздеу үшін кемінде бір сөз көрсетіңіз</translation>
    </message>
    <message>
        <source>Something went wrong ({code}).</source>
        <translation>Бірдеңе дұрыс болмады ({code}).</translation>
    </message>
    <message>
        <source>Cancelled; nothing was changed.</source>
        <translation>Тоқтатылды; ештеңе өзгертілмеді.</translation>
    </message>
    <message>
        <source>Something unexpected went wrong; nothing was changed. Details are in the log file.</source>
        <translation>Күтпеген қате орын алды; ештеңе өзгертілмеді. Толығырақ — журнал файлында.</translation>
    </message>
</context>
<context>
    <name>readiness</name>
    <message>
        <source>No reasons typed for: %1</source>
        <translation>Мына тақырыптар бойынша себептер көрсетілмеген: %1</translation>
    </message>
    <message>
        <source>Column 1 of the Appendix lacks the contact centre&apos;s name or phone</source>
        <translation>Қосымшаның 1-бағанында байланыс орталығының атауы немесе телефоны жоқ</translation>
    </message>
    <message>
        <source>No signatory (name and position)</source>
        <translation>Қол қоятын адам (аты-жөні мен лауазымы) көрсетілмеген</translation>
    </message>
    <message>
        <source>No executor (name and phone for the &apos;Исп./Орынд.&apos; line)</source>
        <translation>Орындаушы («Орынд.» жолына аты-жөні мен телефоны) көрсетілмеген</translation>
    </message>
    <message>
        <source>Topics without a name in this language: %1</source>
        <translation>Осы тілде атауы жоқ тақырыптар: %1</translation>
    </message>
    <message>
        <source>%2 values not recognised (counted as not stated): %1</source>
        <translation>%2 мән танылмады («көрсетілмеген» ретінде есептелді): %1</translation>
    </message>
    <message>
        <source>No Qlik or other-channel totals entered: the reconciliation (§11) is not done</source>
        <translation>Qlik модулінің және басқа арналардың қорытынды деректері енгізілмеген: салыстыру (11-тармақ) жүргізілмеді</translation>
    </message>
    <message>
        <source>Your texts still in the other language: %1</source>
        <translation>Әлі басқа тілде тұрған мәтіндеріңіз: %1</translation>
    </message>
    <message>
        <source>The executor is the signatory; a work plan needs another executor</source>
        <translation>Орындаушы мен қол қоюшы – бір адам; жұмыс жоспарына басқа орындаушы қажет</translation>
    </message>
</context>
</TS>
