; NSIS installer of kcdesk around the one-folder PyInstaller build (dist/kcdesk-app/).
;   makensis -INPUTCHARSET UTF8 -DVERSION=0.1.0 -DVERSION4=0.1.0.0 -DSRCDIR=<checkout> \
;            -DOUTFILE=<checkout>/dist/kcdesk-setup-0.1.0.exe build_scripts/windows/kcdesk.nsi
; (build_scripts/windows_under_wine.sh does this on Linux; docs/BUILD.md tells IT staff how to use it.)
;
; Install modes:
;   - a normal user (no administrator rights): for this user only, in %LOCALAPPDATA%\Programs\kcdesk,
;     registered under HKCU; no UAC prompt, ever (RequestExecutionLevel user);
;   - run elevated ("Run as administrator", SCCM/GPO as SYSTEM): for all users, in
;     %ProgramFiles%\kcdesk, registered under HKLM;
;   - /CURRENTUSER forces the per-user mode, /ALLUSERS the all-users one (fails with exit code 740
;     when not elevated); /S silent; /D=FOLDER the folder (last on the command line, no quotes).
; An update is the same installer of a newer version run the same way: it replaces the program files.
; The uninstaller removes only what the installer put there: the program's files, its shortcut, its
; registry keys. It never removes the officer's projects, справки, settings or logs.

Target amd64-unicode  ; a 64-bit installer for the 64-bit program (also: Wine without its 32-bit part runs it)
ManifestDPIAware true
SetCompressor /SOLID lzma
RequestExecutionLevel user

!ifndef VERSION
  !error "VERSION is required: makensis -DVERSION=x.y.z"
!endif
!ifndef VERSION4
  !define VERSION4 "${VERSION}.0"
!endif
!ifndef SRCDIR
  !define SRCDIR "..\.."
!endif
!ifndef OUTFILE
  !define OUTFILE "${SRCDIR}\dist\kcdesk-setup-${VERSION}.exe"
!endif
; File reads a leading "/" as a switch (/r, /x, /a...): a Linux path such as /x/run/src would be
; taken for one. With backslashes it stays a path (makensis on Linux turns them back into slashes).
!searchreplace SRC "${SRCDIR}" "/" "\"

!define APP "kcdesk"
!define PUBLISHER "kcdesk"
!define UNINST_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\kcdesk"
!define PROGID "kcdesk.project"

Name "kcdesk"
OutFile "${OUTFILE}"
BrandingText "kcdesk ${VERSION}"
; No InstallDir: $INSTDIR is empty unless /D= was given; .onInit chooses the folder for the mode.
ShowInstDetails show
ShowUninstDetails show

VIProductVersion "${VERSION4}"
VIFileVersion "${VERSION4}"
VIAddVersionKey /LANG=0 "ProductName" "kcdesk"
VIAddVersionKey /LANG=0 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "CompanyName" "${PUBLISHER}"
VIAddVersionKey /LANG=0 "FileDescription" "kcdesk ${VERSION} setup"
VIAddVersionKey /LANG=0 "LegalCopyright" "kcdesk"
VIAddVersionKey /LANG=0 "OriginalFilename" "kcdesk-setup-${VERSION}.exe"

!include "MUI2.nsh"
!include "FileFunc.nsh"
!include "LogicLib.nsh"
!include "x64.nsh"

!define MUI_ICON "${SRC}\resources\icons\app.ico"
!define MUI_UNICON "${SRC}\resources\icons\app.ico"
!define MUI_ABORTWARNING
!define MUI_UNABORTWARNING
!define MUI_LANGDLL_WINDOWTITLE "kcdesk"
!define MUI_LANGDLL_INFO "Орнатқыш тілін таңдаңыз / Выберите язык установки / Choose the installer language:"

!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!define MUI_FINISHPAGE_RUN "$INSTDIR\kcdesk.exe"
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES

; The first language is the default when the system's is none of them.
!insertmacro MUI_LANGUAGEEX "${SRC}\build_scripts\windows\nsis" "Kazakh"
!insertmacro MUI_LANGUAGE "Russian"
!insertmacro MUI_LANGUAGE "English"
!insertmacro MUI_RESERVEFILE_LANGDLL

LangString NeedAdmin ${LANG_KAZAKH} "Барлық пайдаланушылар үшін орнату (/ALLUSERS) әкімші құқығын қажет етеді. Орнатқышты әкімші ретінде іске қосыңыз немесе /ALLUSERS параметрінсіз тек өзіңіз үшін орнатыңыз."
LangString NeedAdmin ${LANG_RUSSIAN} "Установка для всех пользователей (/ALLUSERS) требует прав администратора. Запустите установщик от имени администратора или установите только для себя, без /ALLUSERS."
LangString NeedAdmin ${LANG_ENGLISH} "Installing for all users (/ALLUSERS) needs administrator rights. Run the installer as administrator, or install for yourself only, without /ALLUSERS."
LangString UnNeedAdmin ${LANG_KAZAKH} "kcdesk барлық пайдаланушылар үшін орнатылған: оны жою үшін әкімші құқығы қажет."
LangString UnNeedAdmin ${LANG_RUSSIAN} "kcdesk установлен для всех пользователей: для удаления нужны права администратора."
LangString UnNeedAdmin ${LANG_ENGLISH} "kcdesk is installed for all users: removing it needs administrator rights."
LangString ProjectType ${LANG_KAZAKH} "kcdesk жобасы"
LangString ProjectType ${LANG_RUSSIAN} "Проект kcdesk"
LangString ProjectType ${LANG_ENGLISH} "kcdesk project"

Var AllUsers

!macro IsElevated RESULT
  UserInfo::GetAccountType
  Pop ${RESULT}
!macroend

Function .onInit
  SetRegView 64
  ${IfNot} ${Silent}
    !insertmacro MUI_LANGDLL_DISPLAY
  ${EndIf}
  ${GetParameters} $R0
  !insertmacro IsElevated $R2
  StrCpy $AllUsers 0
  ClearErrors
  ${GetOptions} $R0 "/ALLUSERS" $R1
  ${IfNot} ${Errors}
    ${If} $R2 != "Admin"
      MessageBox MB_ICONSTOP "$(NeedAdmin)" /SD IDOK
      SetErrorLevel 740
      Quit
    ${EndIf}
    StrCpy $AllUsers 1
  ${ElseIf} $R2 == "Admin"
    ClearErrors
    ${GetOptions} $R0 "/CURRENTUSER" $R1
    ${If} ${Errors}
      StrCpy $AllUsers 1
    ${EndIf}
  ${EndIf}
  ${If} $AllUsers == 1
    SetShellVarContext all
    ReadRegStr $R3 HKLM "${UNINST_KEY}" "InstallLocation"
    StrCpy $R4 "$PROGRAMFILES64\kcdesk"
  ${Else}
    SetShellVarContext current
    ReadRegStr $R3 HKCU "${UNINST_KEY}" "InstallLocation"
    StrCpy $R4 "$LOCALAPPDATA\Programs\kcdesk"
  ${EndIf}
  ${If} $INSTDIR == ""
    ${If} $R3 != ""
      StrCpy $INSTDIR $R3  ; an update goes where the installed version is
    ${Else}
      StrCpy $INSTDIR $R4
    ${EndIf}
  ${EndIf}
FunctionEnd

Section "kcdesk" SecMain
  SectionIn RO
  SetOutPath "$INSTDIR"
  ; An update: the previous version's program files go first (only ours: nothing else in the folder).
  RMDir /r "$INSTDIR\_internal"
  Delete "$INSTDIR\kcdesk.exe"
  File "${SRC}\dist\kcdesk-app\kcdesk.exe"
  SetOutPath "$INSTDIR\_internal"
  File /r "${SRC}\dist\kcdesk-app\_internal\*.*"
  SetOutPath "$INSTDIR"
  WriteUninstaller "$INSTDIR\uninstall.exe"

  CreateShortcut "$SMPROGRAMS\kcdesk.lnk" "$INSTDIR\kcdesk.exe" "" "$INSTDIR\kcdesk.exe" 0

  ; .kcdesk files open in kcdesk on a double-click (HKCU\Software\Classes or HKLM, by the mode).
  WriteRegStr SHCTX "Software\Classes\.kcdesk" "" "${PROGID}"
  WriteRegStr SHCTX "Software\Classes\${PROGID}" "" "$(ProjectType)"
  WriteRegStr SHCTX "Software\Classes\${PROGID}\DefaultIcon" "" '"$INSTDIR\kcdesk.exe",0'
  WriteRegStr SHCTX "Software\Classes\${PROGID}\shell\open\command" "" '"$INSTDIR\kcdesk.exe" "%1"'

  ; "Apps & features" / "Programs and Features"
  ${If} $AllUsers == 1
    StrCpy $R0 "/ALLUSERS"
  ${Else}
    StrCpy $R0 "/CURRENTUSER"
  ${EndIf}
  WriteRegStr SHCTX "${UNINST_KEY}" "DisplayName" "kcdesk"
  WriteRegStr SHCTX "${UNINST_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr SHCTX "${UNINST_KEY}" "Publisher" "${PUBLISHER}"
  WriteRegStr SHCTX "${UNINST_KEY}" "DisplayIcon" '"$INSTDIR\kcdesk.exe",0'
  WriteRegStr SHCTX "${UNINST_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr SHCTX "${UNINST_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe" $R0'
  WriteRegStr SHCTX "${UNINST_KEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" $R0 /S'
  WriteRegDWORD SHCTX "${UNINST_KEY}" "NoModify" 1
  WriteRegDWORD SHCTX "${UNINST_KEY}" "NoRepair" 1
  ${GetSize} "$INSTDIR" "/S=0K" $R1 $R2 $R3
  IntFmt $R1 "0x%08X" $R1
  WriteRegDWORD SHCTX "${UNINST_KEY}" "EstimatedSize" $R1

  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'  ; SHCNE_ASSOCCHANGED
SectionEnd

Function un.onInit
  SetRegView 64
  ; All users when the HKLM entry names this folder; else this user's installation.
  ReadRegStr $R0 HKLM "${UNINST_KEY}" "InstallLocation"
  ${If} $R0 == $INSTDIR
    !insertmacro IsElevated $R2
    ${If} $R2 != "Admin"
      MessageBox MB_ICONSTOP "$(UnNeedAdmin)" /SD IDOK
      SetErrorLevel 740
      Quit
    ${EndIf}
    SetShellVarContext all
  ${Else}
    SetShellVarContext current
  ${EndIf}
FunctionEnd

Section "Uninstall"
  Delete "$SMPROGRAMS\kcdesk.lnk"
  ; The association, if it still names this installation (another one may have taken it over).
  ReadRegStr $R0 SHCTX "Software\Classes\${PROGID}\shell\open\command" ""
  ${If} $R0 == '"$INSTDIR\kcdesk.exe" "%1"'
    DeleteRegKey SHCTX "Software\Classes\${PROGID}"
    ReadRegStr $R1 SHCTX "Software\Classes\.kcdesk" ""
    ${If} $R1 == "${PROGID}"
      DeleteRegKey SHCTX "Software\Classes\.kcdesk"
    ${EndIf}
  ${EndIf}
  ReadRegStr $R0 SHCTX "${UNINST_KEY}" "InstallLocation"
  ${If} $R0 == $INSTDIR
    DeleteRegKey SHCTX "${UNINST_KEY}"
  ${EndIf}
  ; Only the program's own files. RMDir without /r: a folder still holding something (a project the
  ; officer saved there) stays, with that file.
  RMDir /r "$INSTDIR\_internal"
  Delete "$INSTDIR\kcdesk.exe"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"
  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'
SectionEnd
