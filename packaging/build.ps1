# Build the frozen app on Windows and its installer into dist\:
#   dist\TawsimWorkbench\ and dist\TawsimWorkbench-VERSION-windows-x64-setup.exe
#
#   powershell -ExecutionPolicy Bypass -File packaging\build.ps1
#
# Needs Python 3.11 with uv (python -m pip install uv) and Inno Setup 6.4 or later
# (choco install innosetup). packaging/build does the same on Linux and macOS.
$ErrorActionPreference = "Stop"
Set-Location (Split-Path -Parent $PSScriptRoot)

function Invoke-Checked([string] $What, [scriptblock] $Command) {
    & $Command
    if ($LASTEXITCODE -ne 0) { throw "$What failed with exit code $LASTEXITCODE" }
}

function Invoke-Uv {
    # $env:UV: the uv that runs this script, when `uv run` does (as under `uv run pytest -m frozen`)
    if ($env:UV) { & $env:UV @args }
    elseif (Get-Command uv -ErrorAction SilentlyContinue) { uv @args }
    else { python -m uv @args }
}

function Find-InnoSetupCompiler {
    $onPath = Get-Command iscc.exe -ErrorAction SilentlyContinue
    if ($onPath) { return $onPath.Source }
    $roots = @(${env:ProgramFiles(x86)}, $env:ProgramFiles, "$env:LOCALAPPDATA\Programs") | Where-Object { $_ }
    foreach ($root in $roots) {
        $found = Get-ChildItem -Path "$root\Inno Setup *\ISCC.exe" -ErrorAction SilentlyContinue |
            Sort-Object FullName -Descending | Select-Object -First 1
        if ($found) { return $found.FullName }
    }
    throw "Inno Setup's ISCC.exe was not found: install Inno Setup 6.4 or later (choco install innosetup)"
}

$version = (Select-String -Path workbench\__init__.py -Pattern '^__version__ = "(.+)"$').Matches[0].Groups[1].Value

# --no-dev: only the program's own dependencies (and PyInstaller) are needed.
Invoke-Checked "PyInstaller" {
    Invoke-Uv run --no-dev --group packaging pyinstaller --noconfirm --clean --log-level WARN `
        --distpath dist --workpath build\pyinstaller packaging\tawsim.spec
}
$iscc = Find-InnoSetupCompiler
Invoke-Checked "Inno Setup" { & $iscc "/DAppVersion=$version" packaging\windows\tawsim.iss }
Write-Host "build: built dist\TawsimWorkbench\ and dist\TawsimWorkbench-$version-windows-x64-setup.exe"
