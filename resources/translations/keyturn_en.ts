<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>keyturn::ActionRunner</name>
    <message numerus="yes">
        <source>Intune is throttling requests, so %1 was not carried out on %2. Try again in %n s.</source>
        <translation>
            <numerusform>Intune is throttling requests, so %1 was not carried out on %2. Try again in %n s.</numerusform>
            <numerusform>Intune is throttling requests, so %1 was not carried out on %2. Try again in %n s.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Intune is temporarily unavailable, so %1 was not carried out on %2. Try again in %n s.</source>
        <translation>
            <numerusform>Intune is temporarily unavailable, so %1 was not carried out on %2. Try again in %n s.</numerusform>
            <numerusform>Intune is temporarily unavailable, so %1 was not carried out on %2. Try again in %n s.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>keyturn::ui::DeviceListView</name>
    <message numerus="yes">
        <source>The device list ended with %Ln devices, but Intune&apos;s overview counts about %1. Microsoft Graph sometimes ends a list early: reload to get the rest.</source>
        <translation>
            <numerusform>The device list ended with %Ln device, but Intune&apos;s overview counts about %1. Microsoft Graph sometimes ends a list early: reload to get the rest.</numerusform>
            <numerusform>The device list ended with %Ln devices, but Intune&apos;s overview counts about %1. Microsoft Graph sometimes ends a list early: reload to get the rest.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln devices</source>
        <translation>
            <numerusform>%Ln device</numerusform>
            <numerusform>%Ln devices</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln devices (refresh failed)</source>
        <translation>
            <numerusform>%Ln device (refresh failed)</numerusform>
            <numerusform>%Ln devices (refresh failed)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Loading stopped after %Ln devices: %1</source>
        <translation>
            <numerusform>Loading stopped after %Ln device: %1</numerusform>
            <numerusform>Loading stopped after %Ln devices: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln devices (incomplete)</source>
        <translation>
            <numerusform>%Ln device (incomplete)</numerusform>
            <numerusform>%Ln devices (incomplete)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln devices (loading cancelled)</source>
        <translation>
            <numerusform>%Ln device (loading cancelled)</numerusform>
            <numerusform>%Ln devices (loading cancelled)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Loading was cancelled after %Ln devices.</source>
        <translation>
            <numerusform>Loading was cancelled after %Ln device.</numerusform>
            <numerusform>Loading was cancelled after %Ln devices.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %Ln devices</source>
        <translation>
            <numerusform>%1 of %Ln device</numerusform>
            <numerusform>%1 of %Ln devices</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %Ln devices to %1</source>
        <translation>
            <numerusform>Exported %Ln device to %1</numerusform>
            <numerusform>Exported %Ln devices to %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>keyturn::ui::MainWindow</name>
    <message numerus="yes">
        <source>Sign out of all %n account(s)?</source>
        <translation>
            <numerusform>Sign out of %n account?</numerusform>
            <numerusform>Sign out of all %n accounts?</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>keyturn::ui::ScreenshotRunner</name>
    <message numerus="yes">
        <source>The device list did not load within %n seconds.</source>
        <translation>
            <numerusform>The device list did not load within %n second.</numerusform>
            <numerusform>The device list did not load within %n seconds.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>keyturn::ui::SecretDialog</name>
    <message numerus="yes">
        <source>Copy it; the clipboard is cleared after %n seconds</source>
        <translation>
            <numerusform>Copy it; the clipboard is cleared after %n second</numerusform>
            <numerusform>Copy it; the clipboard is cleared after %n seconds</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Copied. The clipboard is cleared in %n seconds.</source>
        <translation>
            <numerusform>Copied. The clipboard is cleared in %n second.</numerusform>
            <numerusform>Copied. The clipboard is cleared in %n seconds.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Read from Intune at %1. Viewing it is recorded in Intune&apos;s audit log. It is hidden after %n seconds.</source>
        <translation>
            <numerusform>Read from Intune at %1. Viewing it is recorded in Intune&apos;s audit log. It is hidden after %n second.</numerusform>
            <numerusform>Read from Intune at %1. Viewing it is recorded in Intune&apos;s audit log. It is hidden after %n seconds.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Read from Microsoft Entra ID at %1. Viewing it is recorded in Entra ID&apos;s audit log. It is hidden after %n seconds.</source>
        <translation>
            <numerusform>Read from Microsoft Entra ID at %1. Viewing it is recorded in Entra ID&apos;s audit log. It is hidden after %n second.</numerusform>
            <numerusform>Read from Microsoft Entra ID at %1. Viewing it is recorded in Entra ID&apos;s audit log. It is hidden after %n seconds.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Hidden after %n seconds. Show again reads it from Microsoft Graph anew.</source>
        <translation>
            <numerusform>Hidden after %n second. Show again reads it from Microsoft Graph anew.</numerusform>
            <numerusform>Hidden after %n seconds. Show again reads it from Microsoft Graph anew.</numerusform>
        </translation>
    </message>
</context>
</TS>
