# Install the Windows installer silently for this user, check what it set up, uninstall it and
# check that it took its changes back:
#
#   powershell -ExecutionPolicy Bypass -File packaging\windows\check-installer.ps1 dist\TawsimWorkbench-VERSION-windows-x64-setup.exe
#
# The release workflow runs it on a fresh Windows machine. On your own machine it replaces an
# installed Tawsim Workbench and then removes it (your projects, in your data folder, stay).
param([Parameter(Mandatory = $true)] [string] $Setup)
$ErrorActionPreference = "Stop"

$folder = Join-Path $env:LOCALAPPDATA "Programs\TawsimWorkbench"
$openCommand = "HKCU:\Software\Classes\TawsimWorkbench.Project\shell\open\command"
$timeoutSeconds = 120

function Confirm-That([bool] $Condition, [string] $What) {
    if (-not $Condition) { throw "installer check failed: $What" }
    Write-Host "ok: $What"
}

function Get-UserPathEntries {
    # What a terminal started after the install puts on its PATH from the user's part.
    $value = [Environment]::GetEnvironmentVariable("Path", "User")
    if ($value) { return $value -split ";" } else { return @() }
}

function Wait-Until([scriptblock] $Condition, [string] $What) {
    # The uninstaller copies itself to a temporary folder and carries on from there after the
    # process started here has exited.
    $deadline = (Get-Date).AddSeconds($timeoutSeconds)
    while (-not (& $Condition)) {
        if ((Get-Date) -gt $deadline) { throw "installer check failed: $What (after $timeoutSeconds s)" }
        Start-Sleep -Seconds 1
    }
    Write-Host "ok: $What"
}

$install = Start-Process -FilePath $Setup -ArgumentList "/VERYSILENT", "/SUPPRESSMSGBOXES", "/NORESTART" -Wait -PassThru
Confirm-That ($install.ExitCode -eq 0) "the installer exits with 0"
Confirm-That (Test-Path (Join-Path $folder "Tawsim Workbench.exe")) "the windowed program is installed"
Confirm-That (@(Get-UserPathEntries) -contains $folder) "the install folder is on the user's PATH"

$env:Path = (@(Get-UserPathEntries) + @($env:Path -split ";")) -join ";"
$found = Get-Command workbench -CommandType Application -ErrorAction SilentlyContinue | Select-Object -First 1
Confirm-That ($null -ne $found -and $found.Source -eq (Join-Path $folder "workbench.exe")) "the command workbench is the installed workbench.exe"
$version = & workbench --version
Confirm-That ($LASTEXITCODE -eq 0 -and "$version" -match "^workbench \d") "workbench --version prints the version ($version)"

$command = (Get-ItemProperty -Path $openCommand).'(default)'
$expected = '"' + (Join-Path $folder "Tawsim Workbench.exe") + '" open "%1"'
Confirm-That ($command -eq $expected) ".tawsim files open with the windowed program ($command)"

$uninstaller = Join-Path $folder "unins000.exe"
$uninstall = Start-Process -FilePath $uninstaller -ArgumentList "/VERYSILENT", "/SUPPRESSMSGBOXES", "/NORESTART" -Wait -PassThru
Confirm-That ($uninstall.ExitCode -eq 0) "the uninstaller exits with 0"
# Taking the folder off PATH is the uninstaller's last step.
Wait-Until { -not (@(Get-UserPathEntries) -contains $folder) } "the install folder is off the user's PATH"
Wait-Until { -not (Test-Path $uninstaller) } "the program is removed"
Confirm-That (-not (Test-Path $openCommand)) "the .tawsim association is removed"
