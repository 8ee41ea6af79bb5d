; Inno Setup 6 script for the Windows 10/11 x64 installer of 定密桌面.
; Built on Windows only, after the PyInstaller bundle (packaging/README.md, "Windows"):
;   C:\bundle-venv\Scripts\python packaging\build.py -> dist\dingmi-desktop\ (dingmi-desktop.exe, dingmi.exe, _internal\)
;   "C:\Program Files (x86)\Inno Setup 6\ISCC.exe" packaging\windows\dingmi-desktop.iss
;                                          -> dist\dingmi-desktop-setup-0.1.0.exe
; Every path below is relative to this file; tests/test_windows_installer.py checks that each one exists in
; the repository or is produced by the build above. Keep AppVersion equal to pyproject.toml's version.

#define AppName "定密桌面"
#define AppVersion "0.1.0"
#define AppExe "dingmi-desktop.exe"
#define CliExe "dingmi.exe"

[Setup]
AppId={{6A1E2B9C-4D0F-4C2B-9F38-7D1E0C5A2B61}
AppName={#AppName}
AppVersion={#AppVersion}
AppPublisher=dingmi-desktop
DefaultDirName={autopf}\dingmi-desktop
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
PrivilegesRequired=admin
ChangesEnvironment=yes
OutputDir=..\..\dist
OutputBaseFilename=dingmi-desktop-setup-{#AppVersion}
SetupIconFile=..\..\resources\icons\dingmi-desktop.ico
UninstallDisplayIcon={app}\{#AppExe}
Compression=lzma2
SolidCompression=yes
WizardStyle=modern

[Languages]
; ChineseSimplified.isl is not part of every Inno Setup install: the default (English) wizard is used, with
; Chinese names for the program and its shortcuts.
Name: "default"; MessagesFile: "compiler:Default.isl"

[Files]
Source: "..\..\dist\dingmi-desktop\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\{#AppExe}"; IconFilename: "{app}\{#AppExe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Tasks]
Name: "desktopicon"; Description: "在桌面创建快捷方式"; Flags: unchecked
Name: "addtopath"; Description: "把命令行工具 dingmi 加入系统 PATH"

[Registry]
; `dingmi` on the PATH (system environment), removed again on uninstall.
Root: HKLM; Subkey: "SYSTEM\CurrentControlSet\Control\Session Manager\Environment"; ValueType: expandsz; \
  ValueName: "Path"; ValueData: "{olddata};{app}"; Tasks: addtopath; Check: NeedsAddPath(ExpandConstant('{app}'))

[Run]
; The installed copy checks itself (offscreen, temporary store); its report goes to %TEMP%\dingmi-smoke.txt.
Filename: "{app}\{#AppExe}"; Parameters: "--smoke"; StatusMsg: "正在自检……"; Flags: runhidden waituntilterminated
Filename: "{app}\{#AppExe}"; Description: "启动{#AppName}"; Flags: nowait postinstall skipifsilent

[Code]
function NeedsAddPath(Dir: string): Boolean;
var
  Path: string;
begin
  if not RegQueryStringValue(HKLM, 'SYSTEM\CurrentControlSet\Control\Session Manager\Environment', 'Path', Path) then
  begin
    Result := True;
    exit;
  end;
  Result := Pos(';' + Uppercase(Dir) + ';', ';' + Uppercase(Path) + ';') = 0;
end;

procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
var
  Path, Dir: string;
  P: Integer;
begin
  if CurUninstallStep <> usPostUninstall then
    exit;
  if not RegQueryStringValue(HKLM, 'SYSTEM\CurrentControlSet\Control\Session Manager\Environment', 'Path', Path) then
    exit;
  Dir := ';' + ExpandConstant('{app}');
  P := Pos(Uppercase(Dir), Uppercase(Path));
  if P > 0 then
  begin
    Delete(Path, P, Length(Dir));
    RegWriteExpandStringValue(HKLM, 'SYSTEM\CurrentControlSet\Control\Session Manager\Environment', 'Path', Path);
  end;
end;
