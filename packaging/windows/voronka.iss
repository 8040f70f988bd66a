; Inno Setup script: a Windows installer (.exe) with a Start-menu entry, built by CI from the
; one-folder bundle that `python packaging/build.py` leaves in build/dist/voronka.
#define AppVersion GetEnv("VORONKA_VERSION")
#if AppVersion == ""
  #define AppVersion "0.1.0"
#endif

[Setup]
AppId={{6F3C8E1A-3C55-4E0B-9A7B-5D2C4A1E7F10}
AppName=Voronka
AppVersion={#AppVersion}
AppPublisher=Voronka
DefaultDirName={autopf}\Voronka
DefaultGroupName=Voronka
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
OutputDir=..\..\dist
OutputBaseFilename=voronka-{#AppVersion}-windows-setup
SetupIconFile=voronka.ico
Compression=lzma2
SolidCompression=yes
WizardStyle=modern

[Languages]
Name: "ru"; MessagesFile: "compiler:Languages\Russian.isl"
Name: "en"; MessagesFile: "compiler:Default.isl"

[Files]
Source: "..\..\build\dist\voronka\*"; DestDir: "{app}"; Flags: recursesubdirs ignoreversion

[Icons]
Name: "{group}\Voronka"; Filename: "{app}\voronka-app.exe"
Name: "{autodesktop}\Voronka"; Filename: "{app}\voronka-app.exe"; Tasks: desktopicon

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

[Run]
Filename: "{app}\voronka-app.exe"; Description: "{cm:LaunchProgram,Voronka}"; Flags: nowait postinstall skipifsilent
