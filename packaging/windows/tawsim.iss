; Inno Setup script of the Windows installer (Inno Setup 6.4 or later).
;
;   iscc /DAppVersion=0.1.0 packaging\windows\tawsim.iss
;
; packaging\build.ps1 runs it after PyInstaller has built dist\TawsimWorkbench\. The installer
; installs for the current user only, without administrator rights, into
; %LOCALAPPDATA%\Programs\TawsimWorkbench; it adds a Start menu entry, opens .tawsim files with
; the windowed program (registered under HKEY_CURRENT_USER), puts the install folder on the
; user's PATH, so that the console program workbench.exe is the command "workbench" in a new
; terminal, and has an uninstaller, which takes the folder off PATH again. Project files and the
; demo project live in the user's data folder, never in the install folder, so uninstalling and
; upgrading leave them alone. It speaks English and Arabic (right to left).

#ifndef AppVersion
  #error Give the version: iscc /DAppVersion=X.Y.Z packaging\windows\tawsim.iss
#endif

#define AppName "Tawsim Workbench"
#define AppFolder "TawsimWorkbench"
#define AppExe "Tawsim Workbench.exe"
#define ProgId "TawsimWorkbench.Project"
#define RepoRoot AddBackslash(SourcePath) + "..\.."

; Arabic.isl is one of the official translations since Inno Setup 6.4; before, it was an
; unofficial one, which an installation may or may not hold.
#if FileExists(AddBackslash(CompilerPath) + "Languages\Arabic.isl")
  #define ArabicMessages "compiler:Languages\Arabic.isl"
#elif FileExists(AddBackslash(CompilerPath) + "Languages\Unofficial\Arabic.isl")
  #define ArabicMessages "compiler:Languages\Unofficial\Arabic.isl"
#else
  #error Arabic.isl is missing from this Inno Setup: install Inno Setup 6.4 or later (choco install innosetup)
#endif

[Setup]
; AppId identifies the program to upgrades and the uninstaller: never change it.
AppId={{7AE4644D-D4DD-42E8-8FC6-A563B0175235}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher={#AppName}
PrivilegesRequired=lowest
DefaultDirName={localappdata}\Programs\{#AppFolder}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
ChangesAssociations=yes
; PATH changed: Explorer, and the terminals started from it after, read it again
ChangesEnvironment=yes
SetupIconFile={#RepoRoot}\packaging\icons\tawsim.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName}
WizardStyle=modern
ShowLanguageDialog=auto
LanguageDetectionMethod=uilanguage
Compression=lzma2/max
SolidCompression=yes
OutputDir={#RepoRoot}\dist
OutputBaseFilename={#AppFolder}-{#AppVersion}-windows-x64-setup

[Languages]
Name: "en"; MessagesFile: "compiler:Default.isl"
Name: "ar"; MessagesFile: "{#ArabicMessages}"

[CustomMessages]
en.ProjectFileType=Tawsim Workbench project
ar.ProjectFileType=مشروع توسيم

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "{#RepoRoot}\dist\{#AppFolder}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[InstallDelete]
; An upgrade replaces the whole program folder: files an older version had must not linger.
Type: filesandordirs; Name: "{app}\_internal"
; the windowed program's name before the console program came beside it
Type: files; Name: "{app}\TawsimWorkbench.exe"

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Registry]
; .tawsim files open with the windowed program ("Tawsim Workbench.exe" open FILE) and show its icon.
Root: HKCU; Subkey: "Software\Classes\.tawsim"; ValueType: string; ValueName: ""; ValueData: "{#ProgId}"; Flags: uninsdeletevalue
Root: HKCU; Subkey: "Software\Classes\.tawsim\OpenWithProgids"; ValueType: string; ValueName: "{#ProgId}"; ValueData: ""; Flags: uninsdeletevalue
Root: HKCU; Subkey: "Software\Classes\{#ProgId}"; ValueType: string; ValueName: ""; ValueData: "{cm:ProjectFileType}"; Flags: uninsdeletekey
Root: HKCU; Subkey: "Software\Classes\{#ProgId}\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\{#AppExe},0"
Root: HKCU; Subkey: "Software\Classes\{#ProgId}\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"" open ""%1"""

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

[Code]
// The install folder on the user's PATH (HKCU\Environment, the value Windows builds each new
// process's PATH from), added after installing and removed after uninstalling. Entries are
// compared without regard to case, as Windows does; the user's other entries stay as they are.
const
  EnvironmentKey = 'Environment';

function PathWith(Entries, Folder: string): Boolean;
begin
  Result := Pos(';' + Lowercase(Folder) + ';', ';' + Lowercase(Entries) + ';') > 0;
end;

procedure AddToPath(Folder: string);
var
  Entries: string;
begin
  if not RegQueryStringValue(HKEY_CURRENT_USER, EnvironmentKey, 'Path', Entries) then
    Entries := '';
  if PathWith(Entries, Folder) then
    exit;
  if (Entries <> '') and (Entries[Length(Entries)] <> ';') then
    Entries := Entries + ';';
  RegWriteExpandStringValue(HKEY_CURRENT_USER, EnvironmentKey, 'Path', Entries + Folder);
end;

procedure RemoveFromPath(Folder: string);
var
  Entries: string;
  Position: Integer;
begin
  if not RegQueryStringValue(HKEY_CURRENT_USER, EnvironmentKey, 'Path', Entries) then
    exit;
  Entries := ';' + Entries + ';';
  Position := Pos(';' + Lowercase(Folder) + ';', Lowercase(Entries));
  if Position = 0 then
    exit;
  Delete(Entries, Position, Length(Folder) + 1);
  Entries := Copy(Entries, 2, Length(Entries) - 2);
  if Entries = '' then
    RegDeleteValue(HKEY_CURRENT_USER, EnvironmentKey, 'Path')
  else
    RegWriteExpandStringValue(HKEY_CURRENT_USER, EnvironmentKey, 'Path', Entries);
end;

procedure CurStepChanged(CurStep: TSetupStep);
begin
  if CurStep = ssPostInstall then
    AddToPath(ExpandConstant('{app}'));
end;

procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
begin
  if CurUninstallStep = usPostUninstall then
    RemoveFromPath(ExpandConstant('{app}'));
end;
