; Inno Setup script for the Windows installer of Duiding (run on Windows after build_app.py):
;   iscc /DVersion=0.1.0 packaging\windows\duiding.iss      -> dist\Duiding-setup-0.1.0.exe
; Installs dist\Duiding\ per user (no administrator rights needed on a student laptop), adds a
; Start menu entry, and associates .duiding files with Duiding.exe ("%1" is the project).
#ifndef Version
  #define Version "0.0.0"
#endif

[Setup]
AppId={{6C1B2C3E-5E8B-4F4B-9B7E-6A2D0C1D2A11}
AppName=Duiding
AppVersion={#Version}
AppPublisher=Duiding
DefaultDirName={localappdata}\Programs\Duiding
DefaultGroupName=Duiding
PrivilegesRequired=lowest
OutputDir=..\..\dist
OutputBaseFilename=Duiding-setup-{#Version}
SetupIconFile=..\..\build\app\icons\duiding.ico
UninstallDisplayIcon={app}\Duiding.exe
ChangesAssociations=yes
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
ShowLanguageDialog=no

[Languages]
Name: "nl"; MessagesFile: "compiler:Languages\Dutch.isl"

[Files]
Source: "..\..\dist\Duiding\*"; DestDir: "{app}"; Flags: recursesubdirs createallsubdirs ignoreversion

[Icons]
Name: "{group}\Duiding"; Filename: "{app}\Duiding.exe"
Name: "{userdesktop}\Duiding"; Filename: "{app}\Duiding.exe"; Tasks: desktopicon

[Tasks]
Name: "desktopicon"; Description: "Snelkoppeling op het bureaublad"; Flags: unchecked

[Registry]
Root: HKCU; Subkey: "Software\Classes\.duiding"; ValueType: string; ValueName: ""; ValueData: "Duiding.Project"; Flags: uninsdeletevalue
Root: HKCU; Subkey: "Software\Classes\Duiding.Project"; ValueType: string; ValueName: ""; ValueData: "Duiding-project"; Flags: uninsdeletekey
Root: HKCU; Subkey: "Software\Classes\Duiding.Project\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\Duiding.exe,0"
Root: HKCU; Subkey: "Software\Classes\Duiding.Project\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\Duiding.exe"" ""%1"""

[Run]
Filename: "{app}\Duiding.exe"; Description: "Duiding starten"; Flags: nowait postinstall skipifsilent
