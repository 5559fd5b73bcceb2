<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>DeviceListExport</name>
    <message>
        <source>There is no list to export.</source>
        <translation>Es gibt keine Liste zum Exportieren.</translation>
    </message>
    <message>
        <source>Keyturn devices %1.csv</source>
        <translation>Keyturn-Geräte %1.csv</translation>
    </message>
</context>
<context>
    <name>DeviceListPage</name>
    <message>
        <source>The device list page is not valid JSON (%1 at %2).</source>
        <translation>Die Seite der Geräteliste ist kein gültiges JSON (%1 an Position %2).</translation>
    </message>
    <message>
        <source>The device list page has no &quot;value&quot; array.</source>
        <translation>Die Seite der Geräteliste enthält kein „value“-Array.</translation>
    </message>
</context>
<context>
    <name>DeviceText</name>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 min %2 s</translation>
    </message>
</context>
<context>
    <name>ListTimeText</name>
    <message>
        <source>%1 today</source>
        <translation>heute %1</translation>
    </message>
    <message>
        <source>yesterday %1</source>
        <translation>gestern %1</translation>
    </message>
</context>
<context>
    <name>keyturn</name>
    <message>
        <source>an unknown time</source>
        <translation>einem unbekannten Zeitpunkt</translation>
    </message>
    <message>
        <source>Operating system volume</source>
        <translation>Betriebssystemvolume</translation>
    </message>
    <message>
        <source>Fixed data volume</source>
        <translation>Festes Datenvolume</translation>
    </message>
    <message>
        <source>Removable data volume</source>
        <translation>Wechseldatenvolume</translation>
    </message>
    <message>
        <source>Volume</source>
        <translation>Volume</translation>
    </message>
    <message>
        <source>Your sign-in may not read FileVault recovery keys: it needs the DeviceManagementManagedDevices.PrivilegedOperations.All permission, which the Help Desk Operator and Endpoint Security Manager roles include.</source>
        <translation>Ihre Anmeldung darf keine FileVault-Wiederherstellungsschlüssel lesen: Dafür ist die Berechtigung DeviceManagementManagedDevices.PrivilegedOperations.All nötig, die in den Rollen Help Desk Operator und Endpoint Security Manager enthalten ist.</translation>
    </message>
    <message>
        <source>Your account may not read BitLocker recovery keys. It needs the BitlockerKey.Read.All permission and one of the Entra roles Cloud Device Administrator, Helpdesk Administrator, Intune Administrator, Security Administrator, Security Reader or Global Reader.</source>
        <translation>Ihr Konto darf keine BitLocker-Wiederherstellungsschlüssel lesen. Dafür sind die Berechtigung BitlockerKey.Read.All und eine der Entra-Rollen Cloud Device Administrator, Helpdesk Administrator, Intune Administrator, Security Administrator, Security Reader oder Global Reader nötig.</translation>
    </message>
    <message>
        <source>Your account may not read local administrator passwords. It needs the DeviceLocalCredential.Read.All permission and one of the Entra roles Cloud Device Administrator, Helpdesk Administrator or Intune Administrator.</source>
        <translation>Ihr Konto darf keine lokalen Administratorkennwörter lesen. Dafür sind die Berechtigung DeviceLocalCredential.Read.All und eine der Entra-Rollen Cloud Device Administrator, Helpdesk Administrator oder Intune Administrator nötig.</translation>
    </message>
    <message>
        <source>Intune holds no FileVault recovery key for %1. A Mac escrows its personal recovery key only when its FileVault profile asks for escrow, once FileVault is on and the Mac has checked in.</source>
        <translation>Intune hat keinen FileVault-Wiederherstellungsschlüssel für %1. Ein Mac hinterlegt seinen persönlichen Wiederherstellungsschlüssel nur, wenn sein FileVault-Profil die Hinterlegung verlangt, FileVault aktiviert ist und der Mac eingecheckt hat.</translation>
    </message>
    <message>
        <source>Entra ID holds no local administrator password for %1: Windows LAPS is not backing one up for this device.</source>
        <translation>Entra ID hat kein lokales Administratorkennwort für %1: Windows LAPS sichert für dieses Gerät keines.</translation>
    </message>
    <message>
        <source>The BitLocker recovery key was not found: a key rotation may have replaced it meanwhile. Try again.</source>
        <translation>Der BitLocker-Wiederherstellungsschlüssel wurde nicht gefunden: Eine Schlüsselrotation hat ihn womöglich inzwischen ersetzt. Versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a tenant id or domain.</source>
        <translation>„%1“ ist keine Mandanten-ID und keine Domäne.</translation>
    </message>
    <message>
        <source>Unknown cloud &quot;%1&quot;: use global, usgov, usgovdod or china.</source>
        <translation>Unbekannte Cloud „%1“: Verwenden Sie global, usgov, usgovdod oder china.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an application (client) id; it looks like 00000000-0000-0000-0000-000000000000.</source>
        <translation>„%1“ ist keine Anwendungs-ID (Client-ID); diese sieht aus wie 00000000-0000-0000-0000-000000000000.</translation>
    </message>
    <message>
        <source>Sign-in URL: %1</source>
        <translation>Anmelde-URL: %1</translation>
    </message>
    <message>
        <source>Graph URL: %1</source>
        <translation>Graph-URL: %1</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid address. Use a full URL such as %2.</source>
        <translation>„%1“ ist keine gültige Adresse. Verwenden Sie eine vollständige URL wie %2.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; must not contain a user name, a query or a fragment.</source>
        <translation>„%1“ darf keinen Benutzernamen, keine Abfrage und kein Fragment enthalten.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is refused: Keyturn sends sign-in data only over https (plain http is allowed only for http://127.0.0.1, http://localhost and http://[::1]).</source>
        <translation>„%1“ wird abgelehnt: Keyturn sendet Anmeldedaten nur über https (einfaches http ist nur für http://127.0.0.1, http://localhost und http://[::1] erlaubt).</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is refused: only https addresses are allowed.</source>
        <translation>„%1“ wird abgelehnt: Nur https-Adressen sind erlaubt.</translation>
    </message>
    <message>
        <source>The sign-in service answered HTTP %1 without an error description.</source>
        <translation>Der Anmeldedienst hat mit HTTP %1 ohne Fehlerbeschreibung geantwortet.</translation>
    </message>
    <message>
        <source>The token answer is not valid JSON.</source>
        <translation>Die Tokenantwort ist kein gültiges JSON.</translation>
    </message>
    <message>
        <source>The token answer has no access token.</source>
        <translation>Die Tokenantwort enthält kein Zugriffstoken.</translation>
    </message>
    <message>
        <source>The token answer has an unexpected token type.</source>
        <translation>Die Tokenantwort hat einen unerwarteten Tokentyp.</translation>
    </message>
    <message>
        <source>The token answer has an invalid expires_in.</source>
        <translation>Die Tokenantwort hat ein ungültiges expires_in.</translation>
    </message>
    <message>
        <source>The device code answer is not valid JSON.</source>
        <translation>Die Antwort mit dem Gerätecode ist kein gültiges JSON.</translation>
    </message>
    <message>
        <source>The device code answer misses a required field.</source>
        <translation>Der Antwort mit dem Gerätecode fehlt ein Pflichtfeld.</translation>
    </message>
    <message>
        <source>The certificate of %1 is not trusted: %2. If your network inspects TLS, start Keyturn with --ca-file and your organization&apos;s CA certificate.</source>
        <translation>Dem Zertifikat von %1 wird nicht vertraut: %2. Wenn Ihr Netzwerk TLS prüft, starten Sie Keyturn mit --ca-file und dem Zertifikat der Zertifizierungsstelle Ihrer Organisation.</translation>
    </message>
    <message>
        <source>The certificate of %1 is not valid at this time: %2.</source>
        <translation>Das Zertifikat von %1 ist derzeit nicht gültig: %2.</translation>
    </message>
    <message>
        <source>The certificate presented by %1 is for a different host: %2.</source>
        <translation>Das von %1 vorgelegte Zertifikat gilt für einen anderen Host: %2.</translation>
    </message>
    <message>
        <source>The secure connection to %1 failed: %2.</source>
        <translation>Die sichere Verbindung zu %1 ist fehlgeschlagen: %2.</translation>
    </message>
    <message>
        <source>Cannot read the CA file %1: %2</source>
        <translation>Die CA-Datei %1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>The CA file %1 holds no PEM certificate (&quot;-----BEGIN CERTIFICATE-----&quot;).</source>
        <translation>Die CA-Datei %1 enthält kein PEM-Zertifikat („-----BEGIN CERTIFICATE-----“).</translation>
    </message>
    <message>
        <source>The CA file %1 holds a certificate that is not a CA certificate (%2): use the certificate of the authority that issued it.</source>
        <translation>Die CA-Datei %1 enthält ein Zertifikat, das kein CA-Zertifikat ist (%2): Verwenden Sie das Zertifikat der ausstellenden Zertifizierungsstelle.</translation>
    </message>
    <message>
        <source>This build of Keyturn has no TLS support, so it cannot use the CA file %1.</source>
        <translation>Dieser Build von Keyturn unterstützt kein TLS und kann die CA-Datei %1 daher nicht verwenden.</translation>
    </message>
    <message>
        <source>Intune</source>
        <translation>Intune</translation>
    </message>
    <message>
        <source>Intune PC agent</source>
        <translation>Intune-PC-Agent</translation>
    </message>
    <message>
        <source>Co-managed</source>
        <translation>Co-verwaltet</translation>
    </message>
    <message>
        <source>ConfigMgr</source>
        <translation>ConfigMgr</translation>
    </message>
    <message>
        <source>Exchange ActiveSync</source>
        <translation>Exchange ActiveSync</translation>
    </message>
    <message>
        <source>Jamf</source>
        <translation>Jamf</translation>
    </message>
    <message>
        <source>Google</source>
        <translation>Google</translation>
    </message>
    <message>
        <source>Microsoft 365</source>
        <translation>Microsoft 365</translation>
    </message>
    <message>
        <source>Windows Management Cloud API</source>
        <translation>Windows Management Cloud API</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Unbekannt</translation>
    </message>
    <message>
        <source>Corporate</source>
        <translation>Unternehmen</translation>
    </message>
    <message>
        <source>Personal</source>
        <translation>Persönlich</translation>
    </message>
    <message>
        <source>Compliant</source>
        <translation>Konform</translation>
    </message>
    <message>
        <source>Not compliant</source>
        <translation>Nicht konform</translation>
    </message>
    <message>
        <source>Conflict</source>
        <translation>Konflikt</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>In grace period</source>
        <translation>In Toleranzperiode</translation>
    </message>
    <message>
        <source>See ConfigMgr</source>
        <translation>Siehe ConfigMgr</translation>
    </message>
</context>
<context>
    <name>keyturn::ActionResultText</name>
    <message>
        <source>Intune reported error code %1 (%2).</source>
        <extracomment>%1 hexadecimal error code (&quot;0x87D1FDE8&quot;), %2 the same in decimal</extracomment>
        <translation>Intune hat den Fehlercode %1 (%2) gemeldet.</translation>
    </message>
    <message>
        <source>No personal recovery key of this Mac is escrowed in Intune, so there is none to rotate.</source>
        <translation>Für diesen Mac ist in Intune kein persönlicher Wiederherstellungsschlüssel hinterlegt, daher gibt es keinen zu rotieren.</translation>
    </message>
    <message>
        <source>The FileVault policy (payload) lacks its escrow settings: &quot;Escrow location&quot; and the personal recovery key escrow must be set for Intune to receive the key.</source>
        <translation>Der FileVault-Richtlinie (Payload) fehlen die Hinterlegungseinstellungen: „Hinterlegungsort“ und die Hinterlegung des persönlichen Wiederherstellungsschlüssels müssen festgelegt sein, damit Intune den Schlüssel erhält.</translation>
    </message>
    <message>
        <source>The Mac has not checked in with Intune since the request (asleep, off or offline).</source>
        <translation>Der Mac hat seit der Anforderung nicht bei Intune eingecheckt (im Ruhezustand, ausgeschaltet oder offline).</translation>
    </message>
    <message>
        <source>No user has logged in on the Mac since FileVault was enabled, so the key was never created or escrowed.</source>
        <translation>Seit FileVault aktiviert wurde, hat sich kein Benutzer am Mac angemeldet, daher wurde der Schlüssel nie erstellt oder hinterlegt.</translation>
    </message>
    <message>
        <source>FileVault was turned on by the user or another tool, not by the Intune policy.</source>
        <translation>FileVault wurde vom Benutzer oder einem anderen Tool aktiviert, nicht von der Intune-Richtlinie.</translation>
    </message>
    <message>
        <source>BitLocker is not turned on, or the policy does not back recovery keys up to Entra ID.</source>
        <translation>BitLocker ist nicht aktiviert, oder die Richtlinie sichert Wiederherstellungsschlüssel nicht in Entra ID.</translation>
    </message>
    <message>
        <source>The device is not Entra joined or hybrid joined, or its Windows version is too old.</source>
        <translation>Das Gerät ist weder in Entra eingebunden noch hybrid eingebunden, oder seine Windows-Version ist zu alt.</translation>
    </message>
    <message>
        <source>The device has not checked in with Intune since the request.</source>
        <translation>Das Gerät hat seit der Anforderung nicht bei Intune eingecheckt.</translation>
    </message>
    <message>
        <source>No Windows LAPS policy is assigned to the device, or the managed account does not exist.</source>
        <translation>Dem Gerät ist keine Windows LAPS-Richtlinie zugewiesen, oder das verwaltete Konto existiert nicht.</translation>
    </message>
    <message>
        <source>The device has not checked in with Intune since the request (off or offline).</source>
        <translation>Das Gerät hat seit der Anforderung nicht bei Intune eingecheckt (ausgeschaltet oder offline).</translation>
    </message>
    <message>
        <source>The device&apos;s management profile was removed or its enrollment is no longer valid.</source>
        <translation>Das Verwaltungsprofil des Geräts wurde entfernt, oder seine Registrierung ist nicht mehr gültig.</translation>
    </message>
    <message>
        <source>%1 on %2 completed</source>
        <extracomment>%1 action label, %2 device name</extracomment>
        <translation>%1 auf %2 abgeschlossen</translation>
    </message>
    <message>
        <source>%1 on %2 was canceled</source>
        <translation>%1 auf %2 wurde abgebrochen</translation>
    </message>
    <message>
        <source>%1 on %2 is not supported by the device</source>
        <translation>%1 auf %2 wird vom Gerät nicht unterstützt</translation>
    </message>
    <message>
        <source>Intune gave no reason.</source>
        <translation>Intune hat keinen Grund angegeben.</translation>
    </message>
    <message>
        <source>%1 on %2 failed: %3</source>
        <extracomment>%1 action label, %2 device name, %3 Intune&apos;s reason</extracomment>
        <translation>%1 auf %2 ist fehlgeschlagen: %3</translation>
    </message>
</context>
<context>
    <name>keyturn::ActionRunner</name>
    <message>
        <source>Intune did not accept %1 for %2: the action does not apply to this device in its current state (for example its platform, ownership or encryption).</source>
        <translation>Intune hat %1 für %2 nicht angenommen: Die Aktion gilt nicht für dieses Gerät in seinem aktuellen Zustand (zum Beispiel wegen Plattform, Besitz oder Verschlüsselung).</translation>
    </message>
    <message>
        <source>Intune did not accept your sign-in, so %1 was not sent to %2. Sign in again, then retry.</source>
        <translation>Intune hat Ihre Anmeldung nicht angenommen, daher wurde %1 nicht an %2 gesendet. Melden Sie sich erneut an, und versuchen Sie es dann noch einmal.</translation>
    </message>
    <message>
        <source>You don&apos;t have permission to run %1 on %2. %3</source>
        <translation>Sie sind nicht berechtigt, %1 auf %2 auszuführen. %3</translation>
    </message>
    <message>
        <source>Intune refused %1 on %2 for your account. It needs an Intune licence and %3.</source>
        <translation>Intune hat %1 auf %2 für Ihr Konto abgelehnt. Es benötigt eine Intune-Lizenz und %3.</translation>
    </message>
    <message>
        <source>%1 was not sent to %2: the device no longer exists in Intune (it may have been retired or deleted). Refresh the device list.</source>
        <translation>%1 wurde nicht an %2 gesendet: Das Gerät existiert in Intune nicht mehr (es wurde womöglich abgekoppelt oder gelöscht). Aktualisieren Sie die Geräteliste.</translation>
    </message>
    <message numerus="yes">
        <source>Intune is throttling requests, so %1 was not carried out on %2. Try again in %n s.</source>
        <translation>
            <numerusform>Intune drosselt Anforderungen, daher wurde %1 auf %2 nicht ausgeführt. Versuchen Sie es in %n s erneut.</numerusform>
            <numerusform>Intune drosselt Anforderungen, daher wurde %1 auf %2 nicht ausgeführt. Versuchen Sie es in %n s erneut.</numerusform>
        </translation>
    </message>
    <message>
        <source>Intune is throttling requests, so %1 was not carried out on %2. Try again in a minute.</source>
        <translation>Intune drosselt Anforderungen, daher wurde %1 auf %2 nicht ausgeführt. Versuchen Sie es in einer Minute erneut.</translation>
    </message>
    <message numerus="yes">
        <source>Intune is temporarily unavailable, so %1 was not carried out on %2. Try again in %n s.</source>
        <translation>
            <numerusform>Intune ist vorübergehend nicht verfügbar, daher wurde %1 auf %2 nicht ausgeführt. Versuchen Sie es in %n s erneut.</numerusform>
            <numerusform>Intune ist vorübergehend nicht verfügbar, daher wurde %1 auf %2 nicht ausgeführt. Versuchen Sie es in %n s erneut.</numerusform>
        </translation>
    </message>
    <message>
        <source>Intune is temporarily unavailable, so %1 was not carried out on %2. Try again in a few minutes.</source>
        <translation>Intune ist vorübergehend nicht verfügbar, daher wurde %1 auf %2 nicht ausgeführt. Versuchen Sie es in einigen Minuten erneut.</translation>
    </message>
    <message>
        <source>Intune had a problem with %1 on %2 (HTTP %3). Check the device&apos;s action status before trying again.</source>
        <translation>Intune hatte ein Problem mit %1 auf %2 (HTTP %3). Prüfen Sie den Aktionsstatus des Geräts, bevor Sie es erneut versuchen.</translation>
    </message>
    <message>
        <source>Intune refused %1 on %2 (HTTP %3).</source>
        <translation>Intune hat %1 auf %2 abgelehnt (HTTP %3).</translation>
    </message>
    <message>
        <source>Intune refused %1 on %2 (HTTP %3, %4).</source>
        <translation>Intune hat %1 auf %2 abgelehnt (HTTP %3, %4).</translation>
    </message>
    <message>
        <source>The outcome is unknown: check the device&apos;s action status. No answer came back from Intune for %1 on %2, and Keyturn does not send it again by itself.</source>
        <translation>Das Ergebnis ist unbekannt: Prüfen Sie den Aktionsstatus des Geräts. Intune hat auf %1 auf %2 nicht geantwortet, und Keyturn sendet die Aktion nicht von selbst erneut.</translation>
    </message>
    <message>
        <source>%1 on %2 was cancelled before Intune answered. Check the device&apos;s action status before trying again.</source>
        <translation>%1 auf %2 wurde abgebrochen, bevor Intune geantwortet hat. Prüfen Sie den Aktionsstatus des Geräts, bevor Sie es erneut versuchen.</translation>
    </message>
    <message>
        <source>%1 was not sent to %2: Keyturn could not get a valid sign-in. Sign in again, then retry.</source>
        <translation>%1 wurde nicht an %2 gesendet: Keyturn hat keine gültige Anmeldung erhalten. Melden Sie sich erneut an, und versuchen Sie es dann noch einmal.</translation>
    </message>
    <message>
        <source>%1 was not sent to %2: Keyturn could not reach Microsoft Graph (%3).</source>
        <translation>%1 wurde nicht an %2 gesendet: Keyturn konnte Microsoft Graph nicht erreichen (%3).</translation>
    </message>
    <message>
        <source>Intune refused %1 on %2 for your account, so nothing was carried out. %3</source>
        <translation>Intune hat %1 auf %2 für Ihr Konto abgelehnt, daher wurde nichts ausgeführt. %3</translation>
    </message>
    <message>
        <source>Intune refused %1 on %2 for your account, so nothing was carried out: it needs an Intune licence and %3. You are still signed in; signing in again will not help.</source>
        <translation>Intune hat %1 auf %2 für Ihr Konto abgelehnt, daher wurde nichts ausgeführt: Es benötigt eine Intune-Lizenz und %3. Sie sind weiterhin angemeldet; eine erneute Anmeldung hilft nicht.</translation>
    </message>
    <message>
        <source>Intune did not accept your sign-in, so %1 was not carried out on %2. Keyturn has renewed the sign-in: try again.</source>
        <translation>Intune hat Ihre Anmeldung nicht angenommen, daher wurde %1 auf %2 nicht ausgeführt. Keyturn hat die Anmeldung erneuert: Versuchen Sie es noch einmal.</translation>
    </message>
    <message>
        <source>Your organization asked for a fresh sign-in, so %1 was not carried out on %2. Sign in again if Keyturn asks, then try again.</source>
        <translation>Ihre Organisation verlangt eine neue Anmeldung, daher wurde %1 auf %2 nicht ausgeführt. Melden Sie sich erneut an, wenn Keyturn danach fragt, und versuchen Sie es dann noch einmal.</translation>
    </message>
    <message>
        <source>%1 was not sent to %2: the Graph address is not trusted.</source>
        <translation>%1 wurde nicht an %2 gesendet: Der Graph-Adresse wird nicht vertraut.</translation>
    </message>
</context>
<context>
    <name>keyturn::AuditLog</name>
    <message>
        <source>Cannot create the folder %1.</source>
        <translation>Der Ordner %1 kann nicht erstellt werden.</translation>
    </message>
    <message>
        <source>Cannot open %1: %2</source>
        <translation>%1 kann nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>Cannot write to %1: %2</source>
        <translation>In %1 kann nicht geschrieben werden: %2</translation>
    </message>
</context>
<context>
    <name>keyturn::AuthCodeFlow</name>
    <message>
        <source>Keyturn could not open a local port to receive the sign-in.</source>
        <translation>Keyturn konnte keinen lokalen Port öffnen, um die Anmeldung zu empfangen.</translation>
    </message>
    <message>
        <source>No web browser could be opened.</source>
        <translation>Es konnte kein Webbrowser geöffnet werden.</translation>
    </message>
</context>
<context>
    <name>keyturn::AuthError</name>
    <message>
        <source>Sign-in was cancelled.</source>
        <translation>Die Anmeldung wurde abgebrochen.</translation>
    </message>
    <message>
        <source>Sign-in was declined, so Keyturn did not get access.</source>
        <translation>Die Anmeldung wurde abgelehnt, daher hat Keyturn keinen Zugriff erhalten.</translation>
    </message>
    <message>
        <source>Sign-in did not finish in time. Start it again when you are ready.</source>
        <translation>Die Anmeldung wurde nicht rechtzeitig abgeschlossen. Starten Sie sie erneut, wenn Sie bereit sind.</translation>
    </message>
    <message>
        <source>Keyturn could not reach the Microsoft sign-in service. Check the network connection and try again.</source>
        <translation>Keyturn konnte den Microsoft-Anmeldedienst nicht erreichen. Prüfen Sie die Netzwerkverbindung, und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>Keyturn could not connect securely to the Microsoft sign-in service.</source>
        <translation>Keyturn konnte keine sichere Verbindung zum Microsoft-Anmeldedienst herstellen.</translation>
    </message>
    <message>
        <source>The Microsoft sign-in service had a problem (HTTP %1). Try again in a few minutes.</source>
        <translation>Beim Microsoft-Anmeldedienst ist ein Problem aufgetreten (HTTP %1). Versuchen Sie es in einigen Minuten erneut.</translation>
    </message>
    <message>
        <source>The Microsoft sign-in service refused the request.</source>
        <translation>Der Microsoft-Anmeldedienst hat die Anforderung abgelehnt.</translation>
    </message>
    <message>
        <source>The sign-in service sent an answer Keyturn does not understand.</source>
        <translation>Der Anmeldedienst hat eine Antwort gesendet, die Keyturn nicht versteht.</translation>
    </message>
    <message>
        <source>Your sign-in has expired or was revoked. Please sign in again.</source>
        <translation>Ihre Anmeldung ist abgelaufen oder wurde widerrufen. Bitte melden Sie sich erneut an.</translation>
    </message>
    <message>
        <source>Your organization needs you to sign in again in the browser (for example for multi-factor authentication or consent).</source>
        <translation>Ihre Organisation verlangt, dass Sie sich im Browser erneut anmelden (zum Beispiel für die mehrstufige Authentifizierung oder eine Zustimmung).</translation>
    </message>
    <message>
        <source>Keyturn could not start the browser sign-in. Try &quot;Sign in with a code&quot; instead.</source>
        <translation>Keyturn konnte die Anmeldung im Browser nicht starten. Versuchen Sie stattdessen „Mit einem Code anmelden“.</translation>
    </message>
    <message>
        <source>Error: %1</source>
        <translation>Fehler: %1</translation>
    </message>
    <message>
        <source>Description: %1</source>
        <translation>Beschreibung: %1</translation>
    </message>
    <message>
        <source>Error codes: %1</source>
        <translation>Fehlercodes: %1</translation>
    </message>
    <message>
        <source>HTTP status: %1</source>
        <translation>HTTP-Status: %1</translation>
    </message>
    <message>
        <source>Correlation ID: %1</source>
        <translation>Korrelations-ID: %1</translation>
    </message>
    <message>
        <source>Trace ID: %1</source>
        <translation>Ablaufverfolgungs-ID: %1</translation>
    </message>
    <message>
        <source>Timestamp: %1</source>
        <translation>Zeitstempel: %1</translation>
    </message>
</context>
<context>
    <name>keyturn::Cloud</name>
    <message>
        <source>Global</source>
        <translation>Global</translation>
    </message>
    <message>
        <source>US Government (L4)</source>
        <translation>US Government (L4)</translation>
    </message>
    <message>
        <source>US Government (L5, DoD)</source>
        <translation>US Government (L5, DoD)</translation>
    </message>
    <message>
        <source>China (21Vianet)</source>
        <translation>China (21Vianet)</translation>
    </message>
</context>
<context>
    <name>keyturn::DeviceCodeFlow</name>
    <message>
        <source>The sign-in code has expired.</source>
        <translation>Der Anmeldecode ist abgelaufen.</translation>
    </message>
</context>
<context>
    <name>keyturn::DeviceId</name>
    <message>
        <source>The device id &quot;%1&quot; is not an Intune device id (a GUID), so Keyturn sent no request for it.</source>
        <translation>Die Geräte-ID „%1“ ist keine Intune-Geräte-ID (GUID), daher hat Keyturn keine Anforderung dafür gesendet.</translation>
    </message>
</context>
<context>
    <name>keyturn::DeviceListCacheFile</name>
    <message>
        <source>The cache folder %1 cannot be created.</source>
        <translation>Der Cacheordner %1 kann nicht erstellt werden.</translation>
    </message>
    <message>
        <source>The cache file cannot be made private.</source>
        <translation>Die Cachedatei kann nicht privat gemacht werden.</translation>
    </message>
    <message>
        <source>The cached device list has no readable header.</source>
        <translation>Die zwischengespeicherte Geräteliste hat keinen lesbaren Kopf.</translation>
    </message>
    <message>
        <source>The cached device list is of another format or version.</source>
        <translation>Die zwischengespeicherte Geräteliste hat ein anderes Format oder eine andere Version.</translation>
    </message>
    <message>
        <source>The cached device list belongs to another account.</source>
        <translation>Die zwischengespeicherte Geräteliste gehört zu einem anderen Konto.</translation>
    </message>
    <message>
        <source>The cached device list is incomplete.</source>
        <translation>Die zwischengespeicherte Geräteliste ist unvollständig.</translation>
    </message>
    <message>
        <source>The cached device list is damaged.</source>
        <translation>Die zwischengespeicherte Geräteliste ist beschädigt.</translation>
    </message>
</context>
<context>
    <name>keyturn::DeviceSecretReader</name>
    <message>
        <source>FileVault recovery key</source>
        <translation>FileVault-Wiederherstellungsschlüssel</translation>
    </message>
    <message>
        <source>BitLocker recovery keys</source>
        <translation>BitLocker-Wiederherstellungsschlüssel</translation>
    </message>
    <message>
        <source>local administrator password</source>
        <translation>lokale Administratorkennwörter</translation>
    </message>
    <message>
        <source>Intune answered without a FileVault recovery key for %1.</source>
        <translation>Intune hat ohne FileVault-Wiederherstellungsschlüssel für %1 geantwortet.</translation>
    </message>
    <message>
        <source>Personal recovery key</source>
        <translation>Persönlicher Wiederherstellungsschlüssel</translation>
    </message>
    <message>
        <source>Escrowed in Intune</source>
        <translation>In Intune hinterlegt</translation>
    </message>
    <message>
        <source>Entra ID holds no BitLocker recovery key for %1: the device has not backed one up (BitLocker may be off, or its policy does not back keys up to Entra ID).</source>
        <translation>Entra ID hat keinen BitLocker-Wiederherstellungsschlüssel für %1: Das Gerät hat keinen gesichert (BitLocker ist womöglich deaktiviert, oder die Richtlinie sichert keine Schlüssel in Entra ID).</translation>
    </message>
    <message>
        <source>Key ID %1, backed up %2</source>
        <translation>Schlüssel-ID %1, gesichert %2</translation>
    </message>
    <message>
        <source>Entra ID answered without the BitLocker recovery keys of %1.</source>
        <translation>Entra ID hat ohne die BitLocker-Wiederherstellungsschlüssel von %1 geantwortet.</translation>
    </message>
    <message>
        <source>Local administrator</source>
        <translation>Lokaler Administrator</translation>
    </message>
    <message>
        <source>Current password, backed up %1</source>
        <translation>Aktuelles Kennwort, gesichert %1</translation>
    </message>
    <message>
        <source>Earlier password, backed up %1</source>
        <translation>Früheres Kennwort, gesichert %1</translation>
    </message>
    <message>
        <source>Entra ID answered without a local administrator password for %1.</source>
        <translation>Entra ID hat ohne lokales Administratorkennwort für %1 geantwortet.</translation>
    </message>
</context>
<context>
    <name>keyturn::DeviceTableModel</name>
    <message>
        <source>Never</source>
        <translation>Nie</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Nein</translation>
    </message>
    <message>
        <source>Device name</source>
        <translation>Gerätename</translation>
    </message>
    <message>
        <source>Managed by</source>
        <translation>Verwaltet von</translation>
    </message>
    <message>
        <source>Ownership</source>
        <translation>Besitz</translation>
    </message>
    <message>
        <source>Compliance</source>
        <translation>Konformität</translation>
    </message>
    <message>
        <source>OS</source>
        <translation>Betriebssystem</translation>
    </message>
    <message>
        <source>OS version</source>
        <translation>Betriebssystemversion</translation>
    </message>
    <message>
        <source>Primary user UPN</source>
        <translation>UPN des primären Benutzers</translation>
    </message>
    <message>
        <source>Last check-in</source>
        <translation>Letzter Check-In</translation>
    </message>
    <message>
        <source>Encrypted</source>
        <translation>Verschlüsselt</translation>
    </message>
    <message>
        <source>Serial number</source>
        <translation>Seriennummer</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Enrolled</source>
        <translation>Registriert</translation>
    </message>
</context>
<context>
    <name>keyturn::GraphClient</name>
    <message>
        <source>the link points to %1, not to %2</source>
        <translation>der Link zeigt auf %1, nicht auf %2</translation>
    </message>
</context>
<context>
    <name>keyturn::GraphError</name>
    <message>
        <source>Could not reach Microsoft Graph: %1</source>
        <translation>Microsoft Graph war nicht erreichbar: %1</translation>
    </message>
    <message>
        <source>Microsoft Graph did not answer in time.</source>
        <translation>Microsoft Graph hat nicht rechtzeitig geantwortet.</translation>
    </message>
    <message>
        <source>Microsoft Graph sent a response Keyturn could not read: %1</source>
        <translation>Microsoft Graph hat eine Antwort gesendet, die Keyturn nicht lesen konnte: %1</translation>
    </message>
    <message>
        <source>Microsoft Graph sent a response Keyturn could not read.</source>
        <translation>Microsoft Graph hat eine Antwort gesendet, die Keyturn nicht lesen konnte.</translation>
    </message>
    <message>
        <source>The connection was lost before Microsoft Graph answered: the request may or may not have been carried out. Check the device&apos;s action status before trying again.</source>
        <translation>Die Verbindung wurde getrennt, bevor Microsoft Graph geantwortet hat: Die Anforderung wurde möglicherweise ausgeführt. Prüfen Sie den Aktionsstatus des Geräts, bevor Sie es erneut versuchen.</translation>
    </message>
    <message>
        <source>The request was cancelled.</source>
        <translation>Die Anforderung wurde abgebrochen.</translation>
    </message>
    <message>
        <source>Sign-in is needed: %1</source>
        <translation>Anmeldung erforderlich: %1</translation>
    </message>
    <message>
        <source>Refused to follow a link to another server (%1).</source>
        <translation>Einem Link zu einem anderen Server wurde nicht gefolgt (%1).</translation>
    </message>
    <message>
        <source>Your account has no Intune role that allows this remote action, so nothing was carried out. An Intune administrator can assign one, such as Help Desk Operator or Endpoint Security Manager, or a custom role with this remote task. You are still signed in: signing in again will not help.</source>
        <translation>Ihr Konto hat keine Intune-Rolle, die diese Remoteaktion erlaubt, daher wurde nichts ausgeführt. Ein Intune-Administrator kann Ihnen eine zuweisen, etwa Help Desk Operator oder Endpoint Security Manager, oder eine benutzerdefinierte Rolle mit dieser Remoteaufgabe. Sie sind weiterhin angemeldet: Eine erneute Anmeldung hilft nicht.</translation>
    </message>
    <message>
        <source>Your account has no Intune role that lets it read devices. An Intune administrator can assign one, such as Help Desk Operator or Read Only Operator. You are still signed in: signing in again will not help.</source>
        <translation>Ihr Konto hat keine Intune-Rolle, mit der es Geräte lesen darf. Ein Intune-Administrator kann Ihnen eine zuweisen, etwa Help Desk Operator oder Read Only Operator. Sie sind weiterhin angemeldet: Eine erneute Anmeldung hilft nicht.</translation>
    </message>
    <message>
        <source>Your organization asked for a fresh sign-in (Continuous Access Evaluation), so Microsoft Graph did not carry this out. Sign in again if asked, then try again.</source>
        <translation>Ihre Organisation verlangt eine neue Anmeldung (fortlaufende Zugriffsevaluierung), daher hat Microsoft Graph dies nicht ausgeführt. Melden Sie sich bei Aufforderung erneut an, und versuchen Sie es dann noch einmal.</translation>
    </message>
    <message>
        <source>Microsoft Graph did not accept the sign-in (HTTP 401), so nothing was carried out. Keyturn has renewed the sign-in: try again.</source>
        <translation>Microsoft Graph hat die Anmeldung nicht angenommen (HTTP 401), daher wurde nichts ausgeführt. Keyturn hat die Anmeldung erneuert: Versuchen Sie es noch einmal.</translation>
    </message>
    <message>
        <source>Microsoft Graph did not accept the sign-in (HTTP 401). Sign in again.</source>
        <translation>Microsoft Graph hat die Anmeldung nicht angenommen (HTTP 401). Melden Sie sich erneut an.</translation>
    </message>
    <message>
        <source>Access denied (HTTP 403): %1</source>
        <translation>Zugriff verweigert (HTTP 403): %1</translation>
    </message>
    <message>
        <source>Not found (HTTP 404): the device may have been deleted.</source>
        <translation>Nicht gefunden (HTTP 404): Das Gerät wurde womöglich gelöscht.</translation>
    </message>
    <message>
        <source>Microsoft Graph is throttling requests (HTTP 429). Try again later.</source>
        <translation>Microsoft Graph drosselt Anforderungen (HTTP 429). Versuchen Sie es später erneut.</translation>
    </message>
    <message>
        <source>Microsoft Graph is unavailable (HTTP %1). Try again later.</source>
        <translation>Microsoft Graph ist nicht verfügbar (HTTP %1). Versuchen Sie es später erneut.</translation>
    </message>
    <message>
        <source>Microsoft Graph refused the request (HTTP %1 %2): %3</source>
        <translation>Microsoft Graph hat die Anforderung abgelehnt (HTTP %1 %2): %3</translation>
    </message>
</context>
<context>
    <name>keyturn::GraphReply</name>
    <message>
        <source>The answer is larger than %1 MB, so Keyturn did not read it.</source>
        <translation>Die Antwort ist größer als %1 MB, daher hat Keyturn sie nicht gelesen.</translation>
    </message>
    <message>
        <source>The answer is %1, not JSON: a captive portal or a proxy may have answered instead of Microsoft Graph.</source>
        <translation>Die Antwort ist %1, kein JSON: Womöglich hat ein Captive Portal oder ein Proxy anstelle von Microsoft Graph geantwortet.</translation>
    </message>
    <message>
        <source>The connection closed before the whole answer arrived.</source>
        <translation>Die Verbindung wurde geschlossen, bevor die ganze Antwort angekommen ist.</translation>
    </message>
</context>
<context>
    <name>keyturn::LoopbackRedirectListener</name>
    <message>
        <source>Bad request</source>
        <translation>Ungültige Anforderung</translation>
    </message>
    <message>
        <source>This is not a sign-in response.</source>
        <translation>Dies ist keine Anmeldeantwort.</translation>
    </message>
    <message>
        <source>Not found</source>
        <translation>Nicht gefunden</translation>
    </message>
    <message>
        <source>Nothing here.</source>
        <translation>Hier gibt es nichts.</translation>
    </message>
    <message>
        <source>Sign-in response not accepted</source>
        <translation>Anmeldeantwort nicht angenommen</translation>
    </message>
    <message>
        <source>This response does not belong to the sign-in Keyturn is waiting for. Start the sign-in again from Keyturn if needed.</source>
        <translation>Diese Antwort gehört nicht zu der Anmeldung, auf die Keyturn wartet. Starten Sie die Anmeldung bei Bedarf erneut in Keyturn.</translation>
    </message>
    <message>
        <source>Signed in</source>
        <translation>Angemeldet</translation>
    </message>
    <message>
        <source>Signed in — you can close this tab and return to Keyturn.</source>
        <translation>Angemeldet – Sie können diesen Tab schließen und zu Keyturn zurückkehren.</translation>
    </message>
    <message>
        <source>Sign-in did not complete.</source>
        <translation>Die Anmeldung wurde nicht abgeschlossen.</translation>
    </message>
    <message>
        <source>Sign-in failed</source>
        <translation>Anmeldung fehlgeschlagen</translation>
    </message>
</context>
<context>
    <name>keyturn::RemoteAction</name>
    <message>
        <source>Rotate FileVault recovery key is available for corporate-owned macOS devices</source>
        <translation>FileVault-Schlüssel rotieren ist für unternehmenseigene macOS-Geräte verfügbar</translation>
    </message>
    <message>
        <source>Rotate FileVault recovery key is available for corporate-owned macOS devices; this Mac is not marked as corporate-owned</source>
        <translation>FileVault-Schlüssel rotieren ist für unternehmenseigene macOS-Geräte verfügbar; dieser Mac ist nicht als unternehmenseigen gekennzeichnet</translation>
    </message>
    <message>
        <source>This device is not encrypted</source>
        <translation>Dieses Gerät ist nicht verschlüsselt</translation>
    </message>
    <message>
        <source>Sync is available for Windows, macOS, iOS/iPadOS and Android devices</source>
        <translation>Synchronisieren ist für Windows-, macOS-, iOS/iPadOS- und Android-Geräte verfügbar</translation>
    </message>
    <message>
        <source>Restart is available for iOS/iPadOS devices only when they are supervised</source>
        <translation>Neu starten ist für iOS/iPadOS-Geräte nur verfügbar, wenn sie betreut sind</translation>
    </message>
    <message>
        <source>Restart is available for Android devices only when they are corporate-owned</source>
        <translation>Neu starten ist für Android-Geräte nur verfügbar, wenn sie unternehmenseigen sind</translation>
    </message>
    <message>
        <source>Restart is available for Windows, macOS, iOS/iPadOS and Android devices</source>
        <translation>Neu starten ist für Windows-, macOS-, iOS/iPadOS- und Android-Geräte verfügbar</translation>
    </message>
    <message>
        <source>Shut down is available for iOS/iPadOS devices only when they are supervised</source>
        <translation>Herunterfahren ist für iOS/iPadOS-Geräte nur verfügbar, wenn sie betreut sind</translation>
    </message>
    <message>
        <source>Shut down is available for macOS and supervised iOS/iPadOS devices</source>
        <translation>Herunterfahren ist für macOS- und betreute iOS/iPadOS-Geräte verfügbar</translation>
    </message>
    <message>
        <source>Rotate BitLocker keys is available for Windows devices</source>
        <translation>BitLocker-Schlüssel rotieren ist für Windows-Geräte verfügbar</translation>
    </message>
    <message>
        <source>Rotate local admin password is available for Windows devices</source>
        <translation>Lokales Admin-Kennwort rotieren ist für Windows-Geräte verfügbar</translation>
    </message>
    <message>
        <source>Show FileVault recovery key is available for corporate-owned macOS devices</source>
        <translation>FileVault-Schlüssel anzeigen ist für unternehmenseigene macOS-Geräte verfügbar</translation>
    </message>
    <message>
        <source>Show FileVault recovery key is available for corporate-owned macOS devices; this Mac is not marked as corporate-owned</source>
        <translation>FileVault-Schlüssel anzeigen ist für unternehmenseigene macOS-Geräte verfügbar; dieser Mac ist nicht als unternehmenseigen gekennzeichnet</translation>
    </message>
    <message>
        <source>Show FileVault recovery key: FileVault is off on this Mac, so Intune holds no key for it</source>
        <translation>FileVault-Schlüssel anzeigen: FileVault ist auf diesem Mac deaktiviert, daher hat Intune keinen Schlüssel dafür</translation>
    </message>
    <message>
        <source>Show FileVault recovery key</source>
        <translation>FileVault-Schlüssel anzeigen</translation>
    </message>
    <message>
        <source>Show the FileVault recovery key of %1?</source>
        <translation>Den FileVault-Wiederherstellungsschlüssel von %1 anzeigen?</translation>
    </message>
    <message>
        <source>Viewing it is recorded in Intune&apos;s audit log.</source>
        <translation>Das Anzeigen wird im Überwachungsprotokoll von Intune festgehalten.</translation>
    </message>
    <message>
        <source>the Help Desk Operator or Endpoint Security Manager role</source>
        <translation>die Rolle Help Desk Operator oder Endpoint Security Manager</translation>
    </message>
    <message>
        <source>Show BitLocker recovery keys</source>
        <translation>BitLocker-Schlüssel anzeigen</translation>
    </message>
    <message>
        <source>Show BitLocker recovery keys is available for Windows devices</source>
        <translation>BitLocker-Schlüssel anzeigen ist für Windows-Geräte verfügbar</translation>
    </message>
    <message>
        <source>Show BitLocker recovery keys: the device has no Entra device ID, and Entra ID keeps the keys by it</source>
        <translation>BitLocker-Schlüssel anzeigen: Das Gerät hat keine Entra-Geräte-ID, und Entra ID speichert die Schlüssel unter dieser ID</translation>
    </message>
    <message>
        <source>Show the BitLocker recovery keys of %1?</source>
        <translation>Die BitLocker-Wiederherstellungsschlüssel von %1 anzeigen?</translation>
    </message>
    <message>
        <source>Viewing them is recorded in Microsoft Entra ID&apos;s audit log.</source>
        <translation>Das Anzeigen wird im Überwachungsprotokoll von Microsoft Entra ID festgehalten.</translation>
    </message>
    <message>
        <source>the Entra role Cloud Device Administrator, Helpdesk Administrator, Intune Administrator, Security Administrator, Security Reader or Global Reader</source>
        <translation>die Entra-Rolle Cloud Device Administrator, Helpdesk Administrator, Intune Administrator, Security Administrator, Security Reader oder Global Reader</translation>
    </message>
    <message>
        <source>Show local admin password</source>
        <translation>Lokales Admin-Kennwort anzeigen</translation>
    </message>
    <message>
        <source>Show local admin password is available for Windows devices</source>
        <translation>Lokales Admin-Kennwort anzeigen ist für Windows-Geräte verfügbar</translation>
    </message>
    <message>
        <source>Show local admin password: the device has no Entra device ID, and Windows LAPS backs passwords up by it</source>
        <translation>Lokales Admin-Kennwort anzeigen: Das Gerät hat keine Entra-Geräte-ID, und Windows LAPS sichert Kennwörter unter dieser ID</translation>
    </message>
    <message>
        <source>Show the local administrator password of %1?</source>
        <translation>Das lokale Administratorkennwort von %1 anzeigen?</translation>
    </message>
    <message>
        <source>Viewing it is recorded in Microsoft Entra ID&apos;s audit log.</source>
        <translation>Das Anzeigen wird im Überwachungsprotokoll von Microsoft Entra ID festgehalten.</translation>
    </message>
    <message>
        <source>the Entra role Cloud Device Administrator, Helpdesk Administrator or Intune Administrator</source>
        <translation>die Entra-Rolle Cloud Device Administrator, Helpdesk Administrator oder Intune Administrator</translation>
    </message>
    <message>
        <source>the Help Desk Operator role</source>
        <translation>die Rolle Help Desk Operator</translation>
    </message>
    <message>
        <source>Rotate FileVault recovery key</source>
        <translation>FileVault-Schlüssel rotieren</translation>
    </message>
    <message>
        <source>Are you sure you want to rotate the FileVault recovery key for %1?</source>
        <translation>Möchten Sie den FileVault-Wiederherstellungsschlüssel von %1 wirklich rotieren?</translation>
    </message>
    <message>
        <source>A new personal recovery key is generated and escrowed in Intune at the device&apos;s next check-in.</source>
        <translation>Beim nächsten Check-In des Geräts wird ein neuer persönlicher Wiederherstellungsschlüssel erzeugt und in Intune hinterlegt.</translation>
    </message>
    <message>
        <source>Remote tasks / Rotate FileVault key</source>
        <translation>Remoteaufgaben / FileVault-Schlüssel rotieren</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>Synchronisieren</translation>
    </message>
    <message>
        <source>Are you sure you want to sync %1?</source>
        <translation>Möchten Sie %1 wirklich synchronisieren?</translation>
    </message>
    <message>
        <source>The device is asked to check in with Intune now to receive its policies and report its state.</source>
        <translation>Das Gerät wird aufgefordert, jetzt bei Intune einzuchecken, um seine Richtlinien zu erhalten und seinen Zustand zu melden.</translation>
    </message>
    <message>
        <source>Remote tasks / Sync devices</source>
        <translation>Remoteaufgaben / Geräte synchronisieren</translation>
    </message>
    <message>
        <source>Restart</source>
        <translation>Neu starten</translation>
    </message>
    <message>
        <source>Are you sure you want to restart %1?</source>
        <translation>Möchten Sie %1 wirklich neu starten?</translation>
    </message>
    <message>
        <source>The device restarts when it receives the request; unsaved work on it may be lost.</source>
        <translation>Das Gerät startet neu, sobald es die Anforderung erhält; nicht gespeicherte Arbeit darauf kann verloren gehen.</translation>
    </message>
    <message>
        <source>Remote tasks / Reboot now</source>
        <translation>Remoteaufgaben / Jetzt neu starten</translation>
    </message>
    <message>
        <source>Shut down</source>
        <translation>Herunterfahren</translation>
    </message>
    <message>
        <source>Are you sure you want to shut down %1?</source>
        <translation>Möchten Sie %1 wirklich herunterfahren?</translation>
    </message>
    <message>
        <source>The device shuts down when it receives the request and stays off until someone turns it on.</source>
        <translation>Das Gerät fährt herunter, sobald es die Anforderung erhält, und bleibt aus, bis jemand es einschaltet.</translation>
    </message>
    <message>
        <source>Remote tasks / Shut down</source>
        <translation>Remoteaufgaben / Herunterfahren</translation>
    </message>
    <message>
        <source>Rotate BitLocker keys</source>
        <translation>BitLocker-Schlüssel rotieren</translation>
    </message>
    <message>
        <source>Are you sure you want to rotate the BitLocker keys for %1?</source>
        <translation>Möchten Sie die BitLocker-Schlüssel von %1 wirklich rotieren?</translation>
    </message>
    <message>
        <source>New BitLocker recovery keys are generated and escrowed at the device&apos;s next check-in.</source>
        <translation>Beim nächsten Check-In des Geräts werden neue BitLocker-Wiederherstellungsschlüssel erzeugt und hinterlegt.</translation>
    </message>
    <message>
        <source>Remote tasks / Rotate BitLocker keys</source>
        <translation>Remoteaufgaben / BitLocker-Schlüssel rotieren</translation>
    </message>
    <message>
        <source>Rotate local admin password</source>
        <translation>Lokales Admin-Kennwort rotieren</translation>
    </message>
    <message>
        <source>Are you sure you want to rotate the local admin password for %1?</source>
        <translation>Möchten Sie das lokale Administratorkennwort von %1 wirklich rotieren?</translation>
    </message>
    <message>
        <source>A new local administrator password is generated and backed up at the device&apos;s next check-in.</source>
        <translation>Beim nächsten Check-In des Geräts wird ein neues lokales Administratorkennwort erzeugt und gesichert.</translation>
    </message>
    <message>
        <source>Remote tasks / Rotate local admin password</source>
        <translation>Remoteaufgaben / Lokales Administratorkennwort rotieren</translation>
    </message>
    <message>
        <source>serial unknown</source>
        <extracomment>Part of a device&apos;s identification in a confirmation, e.g. &quot;MAC-0042 (serial unknown, ...)&quot;</extracomment>
        <translation>Seriennummer unbekannt</translation>
    </message>
    <message>
        <source>serial %1</source>
        <translation>Seriennummer %1</translation>
    </message>
    <message>
        <source>no primary user</source>
        <translation>kein primärer Benutzer</translation>
    </message>
    <message>
        <source>user %1</source>
        <translation>Benutzer %1</translation>
    </message>
    <message>
        <source>%1 (%2, %3)</source>
        <extracomment>%1 device name, %2 &quot;serial C02XK1ABJG5H&quot; or &quot;serial unknown&quot;, %3 &quot;user adele@contoso.com&quot; or &quot;no primary user&quot;</extracomment>
        <translation>%1 (%2, %3)</translation>
    </message>
    <message>
        <source>%1 sent to %2</source>
        <extracomment>%1 is an action label (&quot;Rotate FileVault recovery key&quot;), %2 a device name</extracomment>
        <translation>%1 an %2 gesendet</translation>
    </message>
    <message>
        <source>%1, or a custom role with %2</source>
        <extracomment>%1 names built-in roles (&quot;the Help Desk Operator role&quot;), %2 an Intune permission</extracomment>
        <translation>%1 oder eine benutzerdefinierte Rolle mit %2</translation>
    </message>
    <message>
        <source>Your sign-in lacks %1.</source>
        <translation>Ihrer Anmeldung fehlt %1.</translation>
    </message>
    <message>
        <source>Your sign-in lacks %1. Ask for %2.</source>
        <translation>Ihrer Anmeldung fehlt %1. Bitten Sie um %2.</translation>
    </message>
</context>
<context>
    <name>keyturn::SignInController</name>
    <message>
        <source>Entra ID did not grant %1 to Keyturn: an administrator may have to consent to it for your organization.</source>
        <translation>Entra ID hat Keyturn %1 nicht gewährt: Womöglich muss ein Administrator dem für Ihre Organisation zustimmen.</translation>
    </message>
    <message>
        <source>Sign-in remembered in the system keychain.</source>
        <translation>Anmeldung im Schlüsselbund des Systems gespeichert.</translation>
    </message>
    <message>
        <source>Sign-in not remembered: you will have to sign in again next time. (The system keychain is not available: %1)</source>
        <translation>Anmeldung nicht gespeichert: Sie müssen sich beim nächsten Mal erneut anmelden. (Der Schlüsselbund des Systems ist nicht verfügbar: %1)</translation>
    </message>
    <message>
        <source>Not signed in.</source>
        <translation>Nicht angemeldet.</translation>
    </message>
    <message>
        <source>Sign-in not remembered: you will have to sign in again next time.</source>
        <translation>Anmeldung nicht gespeichert: Sie müssen sich beim nächsten Mal erneut anmelden.</translation>
    </message>
    <message>
        <source>Your sign-in has expired. Please sign in again.</source>
        <translation>Ihre Anmeldung ist abgelaufen. Bitte melden Sie sich erneut an.</translation>
    </message>
    <message>
        <source>Keyturn is already asking for %1; finish or cancel that first.</source>
        <translation>Keyturn fragt bereits nach %1; schließen Sie das zuerst ab, oder brechen Sie es ab.</translation>
    </message>
    <message>
        <source>The sign-in changed meanwhile.</source>
        <translation>Die Anmeldung hat sich inzwischen geändert.</translation>
    </message>
    <message>
        <source>The browser signed in as another account; Keyturn stays signed in as %1 and did not use it.</source>
        <translation>Im Browser wurde ein anderes Konto angemeldet; Keyturn bleibt als %1 angemeldet und hat es nicht verwendet.</translation>
    </message>
    <message>
        <source>The code was approved by another account; Keyturn stays signed in as %1 and did not use it.</source>
        <translation>Der Code wurde von einem anderen Konto bestätigt; Keyturn bleibt als %1 angemeldet und hat es nicht verwendet.</translation>
    </message>
    <message>
        <source>You cancelled the request for the permission, so Keyturn did not read anything.</source>
        <translation>Sie haben die Anforderung der Berechtigung abgebrochen, daher hat Keyturn nichts gelesen.</translation>
    </message>
    <message>
        <source>The permission was declined in the browser, so Keyturn cannot read it.</source>
        <translation>Die Berechtigung wurde im Browser abgelehnt, daher kann Keyturn dies nicht lesen.</translation>
    </message>
    <message>
        <source>The sign-in with the code was declined, so Keyturn did not get the permission and cannot read it.</source>
        <translation>Die Anmeldung mit dem Code wurde abgelehnt, daher hat Keyturn die Berechtigung nicht erhalten und kann dies nicht lesen.</translation>
    </message>
    <message>
        <source>The browser did not answer in time, so Keyturn did not get the permission. Try again.</source>
        <translation>Der Browser hat nicht rechtzeitig geantwortet, daher hat Keyturn die Berechtigung nicht erhalten. Versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>The code expired before it was entered, so Keyturn did not get the permission. Try again for a new code.</source>
        <translation>Der Code ist abgelaufen, bevor er eingegeben wurde, daher hat Keyturn die Berechtigung nicht erhalten. Versuchen Sie es erneut, um einen neuen Code zu erhalten.</translation>
    </message>
    <message>
        <source>The sign-in answer does not say which account signed in.</source>
        <translation>Die Anmeldeantwort gibt nicht an, welches Konto sich angemeldet hat.</translation>
    </message>
    <message>
        <source>no refresh token was issued</source>
        <translation>es wurde kein Aktualisierungstoken ausgestellt</translation>
    </message>
    <message>
        <source>Signed out.</source>
        <translation>Abgemeldet.</translation>
    </message>
    <message>
        <source>Keyturn switched to another account.</source>
        <translation>Keyturn hat zu einem anderen Konto gewechselt.</translation>
    </message>
</context>
<context>
    <name>keyturn::TenantLabels</name>
    <message>
        <source>Red</source>
        <translation>Rot</translation>
    </message>
    <message>
        <source>Orange</source>
        <translation>Orange</translation>
    </message>
    <message>
        <source>Green</source>
        <translation>Grün</translation>
    </message>
    <message>
        <source>Blue</source>
        <translation>Blau</translation>
    </message>
    <message>
        <source>Purple</source>
        <translation>Lila</translation>
    </message>
</context>
<context>
    <name>keyturn::TokenStore</name>
    <message>
        <source>The system keychain did not answer.</source>
        <translation>Der Schlüsselbund des Systems hat nicht geantwortet.</translation>
    </message>
</context>
<context>
    <name>keyturn::ui</name>
    <message>
        <source>&amp;Open</source>
        <translation>Ö&amp;ffnen</translation>
    </message>
    <message>
        <source>Copy &amp;name</source>
        <translation>&amp;Namen kopieren</translation>
    </message>
    <message>
        <source>Copy &amp;serial number</source>
        <translation>&amp;Seriennummer kopieren</translation>
    </message>
    <message>
        <source>Copy primary &amp;user</source>
        <translation>Primären &amp;Benutzer kopieren</translation>
    </message>
    <message>
        <source>Copy &amp;Intune device ID</source>
        <translation>&amp;Intune-Geräte-ID kopieren</translation>
    </message>
    <message>
        <source>Copy &amp;Entra device ID</source>
        <translation>&amp;Entra-Geräte-ID kopieren</translation>
    </message>
</context>
<context>
    <name>keyturn::ui::AboutDialog</name>
    <message>
        <source>About Keyturn</source>
        <translation>Über Keyturn</translation>
    </message>
    <message>
        <source>&lt;h2&gt;Keyturn %1&lt;/h2&gt;&lt;p&gt;Intune remote actions for single devices, such as rotating the FileVault recovery key of a corporate Mac.&lt;/p&gt;&lt;p&gt;Qt %2 (built with %3)&lt;br&gt;Keychain: %4&lt;/p&gt;&lt;p&gt;&lt;a href=&quot;https://learn.microsoft.com/graph/api/intune-devices-manageddevice-rotatefilevaultkey?view=graph-rest-beta&quot;&gt;rotateFileVaultKey in Microsoft Graph&lt;/a&gt;&lt;br&gt;&lt;a href=&quot;https://learn.microsoft.com/mem/intune/protect/encrypt-devices-filevault&quot;&gt;FileVault in Microsoft Intune&lt;/a&gt;&lt;/p&gt;</source>
        <translation>&lt;h2&gt;Keyturn %1&lt;/h2&gt;&lt;p&gt;Intune-Remoteaktionen für einzelne Geräte, etwa das Rotieren des FileVault-Wiederherstellungsschlüssels eines Unternehmens-Macs.&lt;/p&gt;&lt;p&gt;Qt %2 (erstellt mit %3)&lt;br&gt;Schlüsselbund: %4&lt;/p&gt;&lt;p&gt;&lt;a href=&quot;https://learn.microsoft.com/de-de/graph/api/intune-devices-manageddevice-rotatefilevaultkey?view=graph-rest-beta&quot;&gt;rotateFileVaultKey in Microsoft Graph&lt;/a&gt;&lt;br&gt;&lt;a href=&quot;https://learn.microsoft.com/de-de/mem/intune/protect/encrypt-devices-filevault&quot;&gt;FileVault in Microsoft Intune&lt;/a&gt;&lt;/p&gt;</translation>
    </message>
    <message>
        <source>macOS Keychain</source>
        <translation>macOS-Schlüsselbund</translation>
    </message>
    <message>
        <source>Windows Credential Manager</source>
        <translation>Windows-Anmeldeinformationsverwaltung</translation>
    </message>
    <message>
        <source>Secret Service (libsecret), e.g. GNOME Keyring or KWallet</source>
        <translation>Secret Service (libsecret), z. B. GNOME Keyring oder KWallet</translation>
    </message>
</context>
<context>
    <name>keyturn::ui::AccountMenu</name>
    <message>
        <source>Accounts</source>
        <translation>Konten</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>%1 — %2 · %3</source>
        <extracomment>%1 who (&quot;Adele Vance · adele@contoso.com&quot;), %2 the tenant, %3 the cloud (&quot;Global&quot;)</extracomment>
        <translation>%1 — %2 · %3</translation>
    </message>
    <message>
        <source>%1 · signed in</source>
        <extracomment>%1 an account&apos;s menu entry; it is the one signed in</extracomment>
        <translation>%1 · angemeldet</translation>
    </message>
    <message>
        <source>%1 · sign in again</source>
        <extracomment>%1 an account&apos;s menu entry; the account&apos;s sign-in has to be renewed</extracomment>
        <translation>%1 · erneut anmelden</translation>
    </message>
    <message>
        <source>Signed in as %1 in %2</source>
        <translation>Angemeldet als %1 in %2</translation>
    </message>
    <message>
        <source>Sign in again as %1</source>
        <translation>Erneut anmelden als %1</translation>
    </message>
    <message>
        <source>Switch to %1</source>
        <translation>Zu %1 wechseln</translation>
    </message>
    <message>
        <source>&amp;Add another account…</source>
        <translation>&amp;Weiteres Konto hinzufügen…</translation>
    </message>
    <message>
        <source>&amp;Rename this tenant…</source>
        <translation>Diesen Mandanten &amp;umbenennen…</translation>
    </message>
    <message>
        <source>&amp;Colour tag</source>
        <translation>&amp;Farbmarkierung</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Keine</translation>
    </message>
    <message>
        <source>Sign out of a&amp;ll accounts…</source>
        <translation>Von &amp;allen Konten abmelden…</translation>
    </message>
</context>
<context>
    <name>keyturn::ui::AuditLogWindow</name>
    <message>
        <source>Audit log</source>
        <translation>Überwachungsprotokoll</translation>
    </message>
    <message>
        <source>Audit log entries</source>
        <translation>Einträge des Überwachungsprotokolls</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>Gerät</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>HTTP status</source>
        <translation>HTTP-Status</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Konto</translation>
    </message>
    <message>
        <source>Request ID</source>
        <translation>Anforderungs-ID</translation>
    </message>
    <message>
        <source>Device ID</source>
        <translation>Geräte-ID</translation>
    </message>
    <message>
        <source>Stored in %1</source>
        <translation>Gespeichert in %1</translation>
    </message>
    <message>
        <source>&amp;Reload</source>
        <translation>&amp;Neu laden</translation>
    </message>
    <message>
        <source>sending…, outcome unknown</source>
        <translation>wird gesendet…, Ergebnis unbekannt</translation>
    </message>
    <message>
        <source>%1, error code %2</source>
        <extracomment>%1 Intune&apos;s final state (&quot;failed&quot;), %2 its error code in hexadecimal</extracomment>
        <translation>%1, Fehlercode %2</translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <extracomment>%1 the request&apos;s outcome (&quot;sent&quot;), %2 Intune&apos;s final state (&quot;done&quot;)</extracomment>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <source>Tenant</source>
        <translation>Mandant</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <extracomment>%1 a tenant&apos;s name (&quot;Contoso (contoso.onmicrosoft.com)&quot;), %2 its tenant id</extracomment>
        <translation>%1 · %2</translation>
    </message>
</context>
<context>
    <name>keyturn::ui::ConfirmationDialog</name>
    <message>
        <source>Warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>Frage</translation>
    </message>
    <message>
        <source>&amp;Yes</source>
        <translation>&amp;Ja</translation>
    </message>
    <message>
        <source>Yes: %1</source>
        <translation>Ja: %1</translation>
    </message>
    <message>
        <source>&amp;No</source>
        <translation>&amp;Nein</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Nein</translation>
    </message>
</context>
<context>
    <name>keyturn::ui::ConsentDialog</name>
    <message>
        <source>Permission needed</source>
        <translation>Berechtigung erforderlich</translation>
    </message>
    <message>
        <source>C&amp;opy code</source>
        <translation>Code k&amp;opieren</translation>
    </message>
    <message>
        <source>Copy code</source>
        <translation>Code kopieren</translation>
    </message>
    <message>
        <source>Use a &amp;code instead</source>
        <translation>Stattdessen einen &amp;Code verwenden</translation>
    </message>
    <message>
        <source>Use a code instead</source>
        <translation>Stattdessen einen Code verwenden</translation>
    </message>
    <message>
        <source>Approve the permission by entering a code on any device with a browser</source>
        <translation>Bestätigen Sie die Berechtigung, indem Sie auf einem beliebigen Gerät mit Browser einen Code eingeben</translation>
    </message>
    <message>
        <source>Use the &amp;browser instead</source>
        <translation>Stattdessen den &amp;Browser verwenden</translation>
    </message>
    <message>
        <source>Use the browser instead</source>
        <translation>Stattdessen den Browser verwenden</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Cancel the permission request</source>
        <translation>Anforderung der Berechtigung abbrechen</translation>
    </message>
    <message>
        <source>Finish in your browser: sign in as %1 and accept the permission %2.</source>
        <translation>Schließen Sie den Vorgang im Browser ab: Melden Sie sich als %1 an, und akzeptieren Sie die Berechtigung %2.</translation>
    </message>
    <message>
        <source>Requesting a code to approve the permission %1…</source>
        <translation>Code zur Bestätigung der Berechtigung %1 wird angefordert…</translation>
    </message>
    <message>
        <source>Open &lt;a href=&quot;%1&quot;&gt;%1&lt;/a&gt; on any device, enter the code, and sign in as %2.</source>
        <translation>Öffnen Sie &lt;a href=&quot;%1&quot;&gt;%1&lt;/a&gt; auf einem beliebigen Gerät, geben Sie den Code ein, und melden Sie sich als %2 an.</translation>
    </message>
    <message>
        <source>Keyturn needs the permission %1. Approve it with this code:</source>
        <translation>Keyturn benötigt die Berechtigung %1. Bestätigen Sie sie mit diesem Code:</translation>
    </message>
</context>
<context>
    <name>keyturn::ui::DeviceCodeLabel</name>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
</context>
<context>
    <name>keyturn::ui::DeviceEssentialsView</name>
    <message>
        <source>Essentials</source>
        <translation>Zusammenfassung</translation>
    </message>
    <message>
        <source>Device name</source>
        <translation>Gerätename</translation>
    </message>
    <message>
        <source>Copy device name</source>
        <translation>Gerätename kopieren</translation>
    </message>
    <message>
        <source>Primary user</source>
        <translation>Primärer Benutzer</translation>
    </message>
    <message>
        <source>Copy primary user</source>
        <translation>Primären Benutzer kopieren</translation>
    </message>
    <message>
        <source>Ownership</source>
        <translation>Besitz</translation>
    </message>
    <message>
        <source>Copy ownership</source>
        <translation>Besitz kopieren</translation>
    </message>
    <message>
        <source>Compliance</source>
        <translation>Konformität</translation>
    </message>
    <message>
        <source>Copy compliance</source>
        <translation>Konformität kopieren</translation>
    </message>
    <message>
        <source>Encrypted</source>
        <translation>Verschlüsselt</translation>
    </message>
    <message>
        <source>Copy encryption</source>
        <translation>Verschlüsselung kopieren</translation>
    </message>
    <message>
        <source>Operating system</source>
        <translation>Betriebssystem</translation>
    </message>
    <message>
        <source>Copy operating system</source>
        <translation>Betriebssystem kopieren</translation>
    </message>
    <message>
        <source>OS version</source>
        <translation>Betriebssystemversion</translation>
    </message>
    <message>
        <source>Copy OS version</source>
        <translation>Betriebssystemversion kopieren</translation>
    </message>
    <message>
        <source>Serial number</source>
        <translation>Seriennummer</translation>
    </message>
    <message>
        <source>Copy serial number</source>
        <translation>Seriennummer kopieren</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Copy model</source>
        <translation>Modell kopieren</translation>
    </message>
    <message>
        <source>Manufacturer</source>
        <translation>Hersteller</translation>
    </message>
    <message>
        <source>Copy manufacturer</source>
        <translation>Hersteller kopieren</translation>
    </message>
    <message>
        <source>Enrolled</source>
        <translation>Registriert</translation>
    </message>
    <message>
        <source>Copy enrollment date</source>
        <translation>Registrierungsdatum kopieren</translation>
    </message>
    <message>
        <source>Last check-in</source>
        <translation>Letzter Check-In</translation>
    </message>
    <message>
        <source>Copy last check-in</source>
        <translation>Letzten Check-In kopieren</translation>
    </message>
    <message>
        <source>Intune device ID</source>
        <translation>Intune-Geräte-ID</translation>
    </message>
    <message>
        <source>Copy Intune device ID</source>
        <translation>Intune-Geräte-ID kopieren</translation>
    </message>
    <message>
        <source>Entra device ID</source>
        <translation>Entra-Geräte-ID</translation>
    </message>
    <message>
        <source>Copy Entra device ID</source>
        <translation>Entra-Geräte-ID kopieren</translation>
    </message>
    <message>
        <source>Copy all essentials</source>
        <translation>Gesamte Zusammenfassung kopieren</translation>
    </message>
    <message>
        <source>Copy every essential as &quot;Label: value&quot; lines, ready to paste</source>
        <translation>Die ganze Zusammenfassung als Zeilen „Bezeichnung: Wert“ kopieren, bereit zum Einfügen</translation>
    </message>
    <message>
        <source>Open in Intune admin center</source>
        <translation>Im Intune Admin Center öffnen</translation>
    </message>
    <message>
        <source>Open this device&apos;s page in the Microsoft Intune admin center</source>
        <translation>Die Seite dieses Geräts im Microsoft Intune Admin Center öffnen</translation>
    </message>
    <message>
        <source>FileVault recovery key rotation needs</source>
        <translation>Die Rotation des FileVault-Wiederherstellungsschlüssels erfordert</translation>
    </message>
    <message>
        <source>• The personal recovery key escrowed in Intune (the FileVault policy&apos;s &quot;Escrow location&quot; setting). Without an escrowed key the rotation fails.</source>
        <translation>• Den in Intune hinterlegten persönlichen Wiederherstellungsschlüssel (Einstellung „Hinterlegungsort“ der FileVault-Richtlinie). Ohne hinterlegten Schlüssel schlägt die Rotation fehl.</translation>
    </message>
    <message>
        <source>• A role with Remote tasks / Rotate FileVault key: Help Desk Operator, Endpoint Security Manager, or a custom role.</source>
        <translation>• Eine Rolle mit Remoteaufgaben / FileVault-Schlüssel rotieren: Help Desk Operator, Endpoint Security Manager oder eine benutzerdefinierte Rolle.</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Wird geladen…</translation>
    </message>
    <message>
        <source>• Disk encrypted by an Intune FileVault policy: yes</source>
        <translation>• Datenträger durch eine Intune-FileVault-Richtlinie verschlüsselt: ja</translation>
    </message>
    <message>
        <source>• Disk encrypted by an Intune FileVault policy: no — this device is not encrypted</source>
        <translation>• Datenträger durch eine Intune-FileVault-Richtlinie verschlüsselt: nein – dieses Gerät ist nicht verschlüsselt</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <extracomment>One line of &quot;Copy all essentials&quot;: %1 is the row&apos;s label, %2 its value</extracomment>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>&amp;Copy selection</source>
        <translation>Auswahl &amp;kopieren</translation>
    </message>
    <message>
        <source>Copy &amp;all essentials</source>
        <translation>&amp;Gesamte Zusammenfassung kopieren</translation>
    </message>
</context>
<context>
    <name>keyturn::ui::DeviceListView</name>
    <message>
        <source>Search by device name, user, serial number or device ID</source>
        <translation>Nach Gerätename, Benutzer, Seriennummer oder Geräte-ID suchen</translation>
    </message>
    <message>
        <source>Search devices</source>
        <translation>Geräte suchen</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>Plattform</translation>
    </message>
    <message>
        <source>All platforms</source>
        <translation>Alle Plattformen</translation>
    </message>
    <message>
        <source>macOS</source>
        <translation>macOS</translation>
    </message>
    <message>
        <source>Windows</source>
        <translation>Windows</translation>
    </message>
    <message>
        <source>iOS/iPadOS</source>
        <translation>iOS/iPadOS</translation>
    </message>
    <message>
        <source>Android</source>
        <translation>Android</translation>
    </message>
    <message>
        <source>Linux/other</source>
        <translation>Linux/andere</translation>
    </message>
    <message>
        <source>Ownership</source>
        <translation>Besitz</translation>
    </message>
    <message>
        <source>Any ownership</source>
        <translation>Jeder Besitz</translation>
    </message>
    <message>
        <source>Corporate</source>
        <translation>Unternehmen</translation>
    </message>
    <message>
        <source>Personal</source>
        <translation>Persönlich</translation>
    </message>
    <message>
        <source>Encryption</source>
        <translation>Verschlüsselung</translation>
    </message>
    <message>
        <source>Any encryption</source>
        <translation>Jede Verschlüsselung</translation>
    </message>
    <message>
        <source>Encrypted</source>
        <translation>Verschlüsselt</translation>
    </message>
    <message>
        <source>Not encrypted</source>
        <translation>Nicht verschlüsselt</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <source>Refresh the device list</source>
        <translation>Geräteliste aktualisieren</translation>
    </message>
    <message>
        <source>Reload the device list (F5)</source>
        <translation>Geräteliste neu laden (F5)</translation>
    </message>
    <message>
        <source>Devices</source>
        <translation>Geräte</translation>
    </message>
    <message>
        <source>&amp;Retry</source>
        <translation>&amp;Wiederholen</translation>
    </message>
    <message>
        <source>Retry loading devices</source>
        <translation>Laden der Geräte wiederholen</translation>
    </message>
    <message>
        <source>Copy details</source>
        <translation>Details kopieren</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Cancel loading devices</source>
        <translation>Laden der Geräte abbrechen</translation>
    </message>
    <message>
        <source>Intune asked Keyturn to wait %1 before the next page.</source>
        <translation>Intune hat Keyturn gebeten, vor der nächsten Seite %1 zu warten.</translation>
    </message>
    <message numerus="yes">
        <source>The device list ended with %Ln devices, but Intune&apos;s overview counts about %1. Microsoft Graph sometimes ends a list early: reload to get the rest.</source>
        <translation>
            <numerusform>Die Geräteliste endete nach %Ln Gerät, aber die Übersicht von Intune zählt etwa %1. Microsoft Graph beendet eine Liste manchmal zu früh: Laden Sie neu, um den Rest zu erhalten.</numerusform>
            <numerusform>Die Geräteliste endete nach %Ln Geräten, aber die Übersicht von Intune zählt etwa %1. Microsoft Graph beendet eine Liste manchmal zu früh: Laden Sie neu, um den Rest zu erhalten.</numerusform>
        </translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>Neu laden</translation>
    </message>
    <message>
        <source>Refreshing devices…</source>
        <translation>Geräte werden aktualisiert…</translation>
    </message>
    <message>
        <source>Loading devices…</source>
        <translation>Geräte werden geladen…</translation>
    </message>
    <message>
        <source>refreshing…</source>
        <translation>wird aktualisiert…</translation>
    </message>
    <message numerus="yes">
        <source>%Ln devices</source>
        <translation>
            <numerusform>%Ln Gerät</numerusform>
            <numerusform>%Ln Geräte</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 · as of %2 · %3</source>
        <translation>%1 · Stand %2 · %3</translation>
    </message>
    <message>
        <source>Refreshing devices… %1 of about %2</source>
        <translation>Geräte werden aktualisiert… %1 von etwa %2</translation>
    </message>
    <message>
        <source>Loading devices… %1 of about %2</source>
        <translation>Geräte werden geladen… %1 von etwa %2</translation>
    </message>
    <message>
        <source>Refreshing devices… %1</source>
        <translation>Geräte werden aktualisiert… %1</translation>
    </message>
    <message>
        <source>Loading devices… %1</source>
        <translation>Geräte werden geladen… %1</translation>
    </message>
    <message>
        <source>Device list loaded at %1</source>
        <translation>Geräteliste geladen um %1</translation>
    </message>
    <message>
        <source>Refresh failed: %1 Showing the list from %2.</source>
        <translation>Aktualisierung fehlgeschlagen: %1 Angezeigt wird die Liste von %2.</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Wiederholen</translation>
    </message>
    <message>
        <source>could not refresh: %1</source>
        <translation>Aktualisierung fehlgeschlagen: %1</translation>
    </message>
    <message numerus="yes">
        <source>%Ln devices (refresh failed)</source>
        <translation>
            <numerusform>%Ln Gerät (Aktualisierung fehlgeschlagen)</numerusform>
            <numerusform>%Ln Geräte (Aktualisierung fehlgeschlagen)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Loading stopped after %Ln devices: %1</source>
        <translation>
            <numerusform>Laden nach %Ln Gerät angehalten: %1</numerusform>
            <numerusform>Laden nach %Ln Geräten angehalten: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>The device list could not be loaded.
%1</source>
        <translation>Die Geräteliste konnte nicht geladen werden.
%1</translation>
    </message>
    <message numerus="yes">
        <source>%Ln devices (incomplete)</source>
        <translation>
            <numerusform>%Ln Gerät (unvollständig)</numerusform>
            <numerusform>%Ln Geräte (unvollständig)</numerusform>
        </translation>
    </message>
    <message>
        <source>Device list not loaded</source>
        <translation>Geräteliste nicht geladen</translation>
    </message>
    <message>
        <source>not refreshed</source>
        <translation>nicht aktualisiert</translation>
    </message>
    <message>
        <source>Refresh cancelled; showing the list from %1.</source>
        <translation>Aktualisierung abgebrochen; angezeigt wird die Liste von %1.</translation>
    </message>
    <message>
        <source>Loading cancelled</source>
        <translation>Laden abgebrochen</translation>
    </message>
    <message numerus="yes">
        <source>%Ln devices (loading cancelled)</source>
        <translation>
            <numerusform>%Ln Gerät (Laden abgebrochen)</numerusform>
            <numerusform>%Ln Geräte (Laden abgebrochen)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Loading was cancelled after %Ln devices.</source>
        <translation>
            <numerusform>Das Laden wurde nach %Ln Gerät abgebrochen.</numerusform>
            <numerusform>Das Laden wurde nach %Ln Geräten abgebrochen.</numerusform>
        </translation>
    </message>
    <message>
        <source>Load the rest</source>
        <translation>Rest laden</translation>
    </message>
    <message>
        <source>%1 is no longer in Intune&apos;s device list (deleted or retired); its pane was closed.</source>
        <translation>%1 ist nicht mehr in der Geräteliste von Intune (gelöscht oder abgekoppelt); sein Bereich wurde geschlossen.</translation>
    </message>
    <message>
        <source>The device</source>
        <translation>Das Gerät</translation>
    </message>
    <message numerus="yes">
        <source>%1 of %Ln devices</source>
        <translation>
            <numerusform>%1 von %Ln Gerät</numerusform>
            <numerusform>%1 von %Ln Geräten</numerusform>
        </translation>
    </message>
    <message>
        <source>Sign in to see your tenant&apos;s devices.</source>
        <translation>Melden Sie sich an, um die Geräte Ihres Mandanten zu sehen.</translation>
    </message>
    <message>
        <source>Loading was cancelled before any devices arrived.</source>
        <translation>Das Laden wurde abgebrochen, bevor Geräte angekommen sind.</translation>
    </message>
    <message>
        <source>No devices are enrolled in this tenant.</source>
        <translation>In diesem Mandanten sind keine Geräte registriert.</translation>
    </message>
    <message>
        <source>No devices match the search and filters.</source>
        <translation>Keine Geräte entsprechen der Suche und den Filtern.</translation>
    </message>
    <message>
        <source>&amp;Load devices</source>
        <translation>Geräte &amp;laden</translation>
    </message>
    <message>
        <source>Load devices</source>
        <translation>Geräte laden</translation>
    </message>
    <message>
        <source>Export Devices to CSV</source>
        <translation>Geräte als CSV exportieren</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Export fehlgeschlagen</translation>
    </message>
    <message>
        <source>The device list could not be exported to %1: %2</source>
        <translation>Die Geräteliste konnte nicht nach %1 exportiert werden: %2</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Erneut versuchen</translation>
    </message>
    <message numerus="yes">
        <source>Exported %Ln devices to %1</source>
        <translation>
            <numerusform>%Ln Gerät nach %1 exportiert</numerusform>
            <numerusform>%Ln Geräte nach %1 exportiert</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>keyturn::ui::DevicePane</name>
    <message>
        <source>Your sign-in lacks %1. An Intune administrator can assign %2.</source>
        <extracomment>%1 is a Graph permission, %2 built-in Intune roles (&quot;the Help Desk Operator role&quot;)</extracomment>
        <translation>Ihrer Anmeldung fehlt %1. Ein Intune-Administrator kann %2 zuweisen.</translation>
    </message>
    <message>
        <source>Select a device to see its details and remote actions.</source>
        <translation>Wählen Sie ein Gerät aus, um seine Details und Remoteaktionen zu sehen.</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <source>Refresh this device (F5)</source>
        <translation>Dieses Gerät aktualisieren (F5)</translation>
    </message>
    <message>
        <source>Refresh this device</source>
        <translation>Dieses Gerät aktualisieren</translation>
    </message>
    <message>
        <source>Why some actions are unavailable</source>
        <translation>Warum einige Aktionen nicht verfügbar sind</translation>
    </message>
    <message>
        <source>Intune asked Keyturn to wait %1 before reading this device again. Keyturn goes on by itself.</source>
        <translation>Intune hat Keyturn gebeten, %1 zu warten, bevor dieses Gerät erneut gelesen wird. Keyturn fährt von selbst fort.</translation>
    </message>
    <message>
        <source>Sending %1 to %2…</source>
        <translation>%1 wird an %2 gesendet…</translation>
    </message>
    <message>
        <source>Device action status</source>
        <translation>Status der Geräteaktionen</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Date/Time</source>
        <translation>Datum/Uhrzeit</translation>
    </message>
    <message>
        <source>Last update</source>
        <translation>Letzte Aktualisierung</translation>
    </message>
    <message>
        <source>No remote actions have been taken on this device.</source>
        <translation>Auf diesem Gerät wurden keine Remoteaktionen ausgeführt.</translation>
    </message>
    <message>
        <source>Why actions failed</source>
        <translation>Warum Aktionen fehlgeschlagen sind</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>Gerät</translation>
    </message>
    <message>
        <source>Loading device details…</source>
        <translation>Gerätedetails werden geladen…</translation>
    </message>
    <message>
        <source>Refreshing…</source>
        <translation>Wird aktualisiert…</translation>
    </message>
    <message>
        <source>Keys and passwords are not available here.</source>
        <translation>Schlüssel und Kennwörter sind hier nicht verfügbar.</translation>
    </message>
    <message>
        <source>Sending %1…</source>
        <translation>%1 wird gesendet…</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <extracomment>%1 lists action names (&quot;Sync, Restart&quot;), %2 is why they cannot run</extracomment>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1 is still pending.</source>
        <extracomment>%1 is an action label (&quot;Rotate FileVault recovery key&quot;)</extracomment>
        <translation>%1 steht noch aus.</translation>
    </message>
    <message>
        <source>%1 sent at %2 is still pending.</source>
        <extracomment>%1 is an action label (&quot;Rotate FileVault recovery key&quot;), %2 the local time it was sent (10:42)</extracomment>
        <translation>%1, gesendet um %2, steht noch aus.</translation>
    </message>
    <message>
        <source>Refresh failed · updated %1</source>
        <extracomment>%1 is the local time the device was last read from Graph (&quot;10:42:13&quot;)</extracomment>
        <translation>Aktualisierung fehlgeschlagen · aktualisiert %1</translation>
    </message>
    <message>
        <source>Updated %1</source>
        <translation>Aktualisiert %1</translation>
    </message>
    <message>
        <source>Device details could not be loaded.</source>
        <translation>Die Gerätedetails konnten nicht geladen werden.</translation>
    </message>
    <message>
        <source>This device no longer exists in Intune.</source>
        <translation>Dieses Gerät existiert in Intune nicht mehr.</translation>
    </message>
    <message>
        <source>This device was not found. It may have been deleted or retired; refresh the list.</source>
        <translation>Dieses Gerät wurde nicht gefunden. Es wurde womöglich gelöscht oder abgekoppelt; aktualisieren Sie die Liste.</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Wiederholen</translation>
    </message>
    <message>
        <source>%1 failed (%2).</source>
        <extracomment>%1 action label, %2 when Intune last updated it</extracomment>
        <translation>%1 fehlgeschlagen (%2).</translation>
    </message>
    <message>
        <source>Intune gave no reason.</source>
        <translation>Intune hat keinen Grund angegeben.</translation>
    </message>
    <message>
        <source>Likely causes:</source>
        <translation>Wahrscheinliche Ursachen:</translation>
    </message>
    <message>
        <source>&amp;Yes</source>
        <translation>&amp;Ja</translation>
    </message>
    <message>
        <source>The user of %1 may lose unsaved work.</source>
        <extracomment>%1 is a device name</extracomment>
        <translation>Der Benutzer von %1 kann nicht gespeicherte Arbeit verlieren.</translation>
    </message>
</context>
<context>
    <name>keyturn::ui::DeviceSecretViewer</name>
    <message>
        <source>Show password</source>
        <translation>Kennwort anzeigen</translation>
    </message>
    <message>
        <source>Show key</source>
        <translation>Schlüssel anzeigen</translation>
    </message>
    <message>
        <source>Permission needed</source>
        <translation>Berechtigung erforderlich</translation>
    </message>
    <message>
        <source>Keyturn needs your permission to read %1 (%2). Continue in the browser as %3?</source>
        <translation>Keyturn benötigt Ihre Berechtigung, um %1 zu lesen (%2). Im Browser als %3 fortfahren?</translation>
    </message>
    <message>
        <source>Keyturn needs your permission to read %1 (%2). Get a code to approve it as %3?</source>
        <translation>Keyturn benötigt Ihre Berechtigung, um %1 zu lesen (%2). Einen Code anfordern, um sie als %3 zu bestätigen?</translation>
    </message>
    <message>
        <source>This is asked once; Microsoft Entra ID remembers your answer.</source>
        <translation>Dies wird einmal gefragt; Microsoft Entra ID merkt sich Ihre Antwort.</translation>
    </message>
    <message>
        <source>Continue in browser</source>
        <translation>Im Browser fortfahren</translation>
    </message>
    <message>
        <source>Get a code</source>
        <translation>Code anfordern</translation>
    </message>
    <message>
        <source>Keyturn cannot read it for this device: the device has no usable id.</source>
        <translation>Keyturn kann dies für dieses Gerät nicht lesen: Das Gerät hat keine verwendbare ID.</translation>
    </message>
</context>
<context>
    <name>keyturn::ui::EndpointText</name>
    <message>
        <source>Sign-in: %1 · Graph: %2</source>
        <translation>Anmeldung: %1 · Graph: %2</translation>
    </message>
</context>
<context>
    <name>keyturn::ui::GraphRootConfirmation</name>
    <message>
        <source>Microsoft Graph host changed</source>
        <translation>Microsoft Graph-Host geändert</translation>
    </message>
    <message>
        <source>This sign-in was used with Microsoft Graph at %1. Keyturn is now set to use %2. Send your sign-in to %2?</source>
        <translation>Diese Anmeldung wurde mit Microsoft Graph unter %1 verwendet. Keyturn ist jetzt auf %2 eingestellt. Ihre Anmeldung an %2 senden?</translation>
    </message>
    <message>
        <source>No keeps using %1 and sends nothing to %2. Yes makes %2 this sign-in&apos;s Graph host.</source>
        <translation>Nein verwendet weiter %1 und sendet nichts an %2. Ja macht %2 zum Graph-Host dieser Anmeldung.</translation>
    </message>
    <message>
        <source>Send to %1</source>
        <translation>An %1 senden</translation>
    </message>
</context>
<context>
    <name>keyturn::ui::KeychainNote</name>
    <message>
        <source>&amp;Go on without remembering</source>
        <translation>&amp;Ohne Speichern fortfahren</translation>
    </message>
    <message>
        <source>Go on without remembering the sign-in</source>
        <translation>Ohne Speichern der Anmeldung fortfahren</translation>
    </message>
    <message>
        <source>Stop waiting for the system keychain. You will sign in again next time.</source>
        <translation>Nicht länger auf den Schlüsselbund des Systems warten. Sie melden sich beim nächsten Mal erneut an.</translation>
    </message>
    <message>
        <source>Waiting for the system keychain: a password prompt may be open.</source>
        <translation>Warten auf den Schlüsselbund des Systems: Möglicherweise ist eine Kennwortabfrage geöffnet.</translation>
    </message>
</context>
<context>
    <name>keyturn::ui::KeyturnApp</name>
    <message>
        <source>Demo tenant: a real tenant would open %1</source>
        <translation>Demomandant: Ein echter Mandant würde %1 öffnen</translation>
    </message>
    <message>
        <source>Opened %1 in the browser</source>
        <translation>%1 im Browser geöffnet</translation>
    </message>
    <message>
        <source>No browser could be started. The device&apos;s page: %1</source>
        <translation>Es konnte kein Browser gestartet werden. Die Seite des Geräts: %1</translation>
    </message>
    <message>
        <source>Demo tenant at %1</source>
        <translation>Demomandant unter %1</translation>
    </message>
    <message>
        <source>Demo tenant (%1)</source>
        <translation>Demomandant (%1)</translation>
    </message>
    <message>
        <source>%1 · tenant %2</source>
        <translation>%1 · Mandant %2</translation>
    </message>
    <message>
        <source>No device named %1 in this tenant</source>
        <translation>Kein Gerät namens %1 in diesem Mandanten</translation>
    </message>
    <message>
        <source>--account %1: no account is remembered yet. Start without --account and sign in.</source>
        <translation>--account %1: Es ist noch kein Konto gespeichert. Starten Sie ohne --account und melden Sie sich an.</translation>
    </message>
    <message>
        <source>--account %1: no remembered account has that name. Remembered: %2.</source>
        <translation>--account %1: Kein gespeichertes Konto hat diesen Namen. Gespeichert: %2.</translation>
    </message>
</context>
<context>
    <name>keyturn::ui::MainWindow</name>
    <message>
        <source>Keyturn - Demo tenant</source>
        <translation>Keyturn - Demomandant</translation>
    </message>
    <message>
        <source>Keyturn - Demo tenant (%1)</source>
        <translation>Keyturn - Demomandant (%1)</translation>
    </message>
    <message>
        <source>Keyturn</source>
        <translation>Keyturn</translation>
    </message>
    <message>
        <source>Keyturn - %1</source>
        <translation>Keyturn - %1</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Export to CSV…</source>
        <translation>Als CSV &amp;exportieren…</translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation>&amp;Abmelden</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Refresh devices</source>
        <translation>Geräte a&amp;ktualisieren</translation>
    </message>
    <message>
        <source>&amp;Search devices</source>
        <translation>Geräte &amp;suchen</translation>
    </message>
    <message>
        <source>&amp;Audit log</source>
        <translation>Ü&amp;berwachungsprotokoll</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;About Keyturn</source>
        <translation>&amp;Über Keyturn</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>Über &amp;Qt</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Konto</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <extracomment>%1 a tenant&apos;s name (&quot;Contoso&quot;), %2 its domain (&quot;contoso.onmicrosoft.com&quot;)</extracomment>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Keyturn - Demo tenant: %1</source>
        <translation>Keyturn - Demomandant: %1</translation>
    </message>
    <message>
        <source>Switch &amp;account…</source>
        <translation>&amp;Konto wechseln…</translation>
    </message>
    <message>
        <source>Sign &amp;out of this account</source>
        <translation>&amp;Von diesem Konto abmelden</translation>
    </message>
    <message>
        <source>Switch account, add another account or sign out (Ctrl+Shift+A)</source>
        <translation>Konto wechseln, weiteres Konto hinzufügen oder abmelden (Strg+Umschalt+A)</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>Konten</translation>
    </message>
    <message>
        <source>Signed in as %1
Tenant %2 (%3)</source>
        <translation>Angemeldet als %1
Mandant %2 (%3)</translation>
    </message>
    <message>
        <source>An action is still being sent. Switch accounts once it has an answer.</source>
        <translation>Eine Aktion wird noch gesendet. Wechseln Sie das Konto, sobald sie beantwortet ist.</translation>
    </message>
    <message>
        <source>Sign out of all accounts</source>
        <translation>Von allen Konten abmelden</translation>
    </message>
    <message numerus="yes">
        <source>Sign out of all %n account(s)?</source>
        <translation>
            <numerusform>Von %n Konto abmelden?</numerusform>
            <numerusform>Von allen %n Konten abmelden?</numerusform>
        </translation>
    </message>
    <message>
        <source>Their sign-ins are deleted from the system keychain; each one has to sign in again.</source>
        <translation>Ihre Anmeldungen werden aus dem Schlüsselbund des Systems gelöscht; jedes Konto muss sich erneut anmelden.</translation>
    </message>
    <message>
        <source>Rename tenant</source>
        <translation>Mandanten umbenennen</translation>
    </message>
    <message>
        <source>Name for tenant %1 on this computer (empty: the name from Microsoft Graph or the domain):</source>
        <translation>Name für Mandant %1 auf diesem Computer (leer: der Name aus Microsoft Graph oder die Domäne):</translation>
    </message>
</context>
<context>
    <name>keyturn::ui::MessageBanner</name>
    <message>
        <source>Success</source>
        <translation>Erfolg</translation>
    </message>
    <message>
        <source>Information</source>
        <translation>Information</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Meldung</translation>
    </message>
    <message>
        <source>Copy details</source>
        <translation>Details kopieren</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Dismiss message</source>
        <translation>Meldung schließen</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <extracomment>%1 is the kind of message (Success, Information, Warning, Error), %2 the message</extracomment>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>keyturn::ui::ScreenshotRunner</name>
    <message numerus="yes">
        <source>The device list did not load within %n seconds.</source>
        <translation>
            <numerusform>Die Geräteliste wurde nicht innerhalb von %n Sekunde geladen.</numerusform>
            <numerusform>Die Geräteliste wurde nicht innerhalb von %n Sekunden geladen.</numerusform>
        </translation>
    </message>
    <message>
        <source>Sign-in failed: %1</source>
        <translation>Anmeldung fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>The device list could not be loaded: %1</source>
        <translation>Die Geräteliste konnte nicht geladen werden: %1</translation>
    </message>
    <message>
        <source>There is no device named %1.</source>
        <translation>Es gibt kein Gerät namens %1.</translation>
    </message>
    <message>
        <source>There is no remote action %1.</source>
        <translation>Es gibt keine Remoteaktion %1.</translation>
    </message>
    <message>
        <source>%1 is not available for %2: %3</source>
        <translation>%1 ist für %2 nicht verfügbar: %3</translation>
    </message>
    <message>
        <source>Cannot write the screenshot to %1.</source>
        <translation>Der Screenshot kann nicht nach %1 geschrieben werden.</translation>
    </message>
</context>
<context>
    <name>keyturn::ui::SecretDialog</name>
    <message>
        <source>FileVault recovery key of %1</source>
        <translation>FileVault-Wiederherstellungsschlüssel von %1</translation>
    </message>
    <message>
        <source>BitLocker recovery keys of %1</source>
        <translation>BitLocker-Wiederherstellungsschlüssel von %1</translation>
    </message>
    <message>
        <source>Local administrator password of %1</source>
        <translation>Lokales Administratorkennwort von %1</translation>
    </message>
    <message>
        <source>Show again</source>
        <translation>Erneut anzeigen</translation>
    </message>
    <message>
        <source>Read it from Microsoft Graph again (recorded in the audit logs again)</source>
        <translation>Erneut aus Microsoft Graph lesen (wird erneut in den Überwachungsprotokollen festgehalten)</translation>
    </message>
    <message>
        <source>Reading it again…</source>
        <translation>Wird erneut gelesen…</translation>
    </message>
    <message>
        <source>The clipboard was cleared.</source>
        <translation>Die Zwischenablage wurde geleert.</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <source>Copy %1</source>
        <translation>%1 kopieren</translation>
    </message>
    <message numerus="yes">
        <source>Copy it; the clipboard is cleared after %n seconds</source>
        <translation>
            <numerusform>Kopieren; die Zwischenablage wird nach %n Sekunde geleert</numerusform>
            <numerusform>Kopieren; die Zwischenablage wird nach %n Sekunden geleert</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Copied. The clipboard is cleared in %n seconds.</source>
        <translation>
            <numerusform>Kopiert. Die Zwischenablage wird in %n Sekunde geleert.</numerusform>
            <numerusform>Kopiert. Die Zwischenablage wird in %n Sekunden geleert.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Read from Intune at %1. Viewing it is recorded in Intune&apos;s audit log. It is hidden after %n seconds.</source>
        <translation>
            <numerusform>Um %1 aus Intune gelesen. Das Anzeigen wird im Überwachungsprotokoll von Intune festgehalten. Nach %n Sekunde wird es ausgeblendet.</numerusform>
            <numerusform>Um %1 aus Intune gelesen. Das Anzeigen wird im Überwachungsprotokoll von Intune festgehalten. Nach %n Sekunden wird es ausgeblendet.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Read from Microsoft Entra ID at %1. Viewing it is recorded in Entra ID&apos;s audit log. It is hidden after %n seconds.</source>
        <translation>
            <numerusform>Um %1 aus Microsoft Entra ID gelesen. Das Anzeigen wird im Überwachungsprotokoll von Entra ID festgehalten. Nach %n Sekunde wird es ausgeblendet.</numerusform>
            <numerusform>Um %1 aus Microsoft Entra ID gelesen. Das Anzeigen wird im Überwachungsprotokoll von Entra ID festgehalten. Nach %n Sekunden wird es ausgeblendet.</numerusform>
        </translation>
    </message>
    <message>
        <source>Hidden</source>
        <translation>Ausgeblendet</translation>
    </message>
    <message numerus="yes">
        <source>Hidden after %n seconds. Show again reads it from Microsoft Graph anew.</source>
        <translation>
            <numerusform>Nach %n Sekunde ausgeblendet. „Erneut anzeigen“ liest es neu aus Microsoft Graph.</numerusform>
            <numerusform>Nach %n Sekunden ausgeblendet. „Erneut anzeigen“ liest es neu aus Microsoft Graph.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>keyturn::ui::SignInView</name>
    <message>
        <source>Sign in to Microsoft Intune</source>
        <translation>Bei Microsoft Intune anmelden</translation>
    </message>
    <message>
        <source>Sign in with the Entra ID account you use for the Intune admin center. Keyturn remembers the sign-in in your system keychain, so the next start needs no browser.</source>
        <translation>Melden Sie sich mit dem Entra ID-Konto an, das Sie für das Intune Admin Center verwenden. Keyturn speichert die Anmeldung im Schlüsselbund Ihres Systems, sodass der nächste Start keinen Browser braucht.</translation>
    </message>
    <message>
        <source>Cloud</source>
        <translation>Cloud</translation>
    </message>
    <message>
        <source>Tenant</source>
        <translation>Mandant</translation>
    </message>
    <message>
        <source>organizations, contoso.onmicrosoft.com or a tenant id</source>
        <translation>organizations, contoso.onmicrosoft.com oder eine Mandanten-ID</translation>
    </message>
    <message>
        <source>&amp;Cloud:</source>
        <translation>&amp;Cloud:</translation>
    </message>
    <message>
        <source>&amp;Tenant:</source>
        <translation>&amp;Mandant:</translation>
    </message>
    <message>
        <source>Sign in with &amp;browser</source>
        <translation>Mit &amp;Browser anmelden</translation>
    </message>
    <message>
        <source>Sign in with browser</source>
        <translation>Mit Browser anmelden</translation>
    </message>
    <message>
        <source>Sign in with a &amp;code</source>
        <translation>Mit einem Co&amp;de anmelden</translation>
    </message>
    <message>
        <source>Sign in with a code</source>
        <translation>Mit einem Code anmelden</translation>
    </message>
    <message>
        <source>For machines without a browser: enter a code on another device.</source>
        <translation>Für Rechner ohne Browser: Geben Sie auf einem anderen Gerät einen Code ein.</translation>
    </message>
    <message>
        <source>C&amp;opy code</source>
        <translation>Code k&amp;opieren</translation>
    </message>
    <message>
        <source>Copy code</source>
        <translation>Code kopieren</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Cancel sign-in</source>
        <translation>Anmeldung abbrechen</translation>
    </message>
    <message>
        <source>Sign in with the &amp;browser instead</source>
        <translation>Stattdessen mit dem &amp;Browser anmelden</translation>
    </message>
    <message>
        <source>Sign in with the browser instead</source>
        <translation>Stattdessen mit dem Browser anmelden</translation>
    </message>
    <message>
        <source>Your sign-in has expired. Please sign in again.</source>
        <translation>Ihre Anmeldung ist abgelaufen. Bitte melden Sie sich erneut an.</translation>
    </message>
    <message>
        <source>Your sign-in as %1 has expired. Please sign in again.</source>
        <translation>Ihre Anmeldung als %1 ist abgelaufen. Bitte melden Sie sich erneut an.</translation>
    </message>
    <message>
        <source>Your organization asks you to sign in again. The device list reloads once you are back.</source>
        <translation>Ihre Organisation bittet Sie, sich erneut anzumelden. Die Geräteliste wird neu geladen, sobald Sie zurück sind.</translation>
    </message>
    <message>
        <source>Your organization asks you to sign in again as %1. The device list reloads once you are back.</source>
        <translation>Ihre Organisation bittet Sie, sich erneut als %1 anzumelden. Die Geräteliste wird neu geladen, sobald Sie zurück sind.</translation>
    </message>
    <message>
        <source>Keyturn remembered your sign-in as %1, but it is no longer in the system keychain. Please sign in again.</source>
        <translation>Keyturn hatte Ihre Anmeldung als %1 gespeichert, aber sie ist nicht mehr im Schlüsselbund des Systems. Bitte melden Sie sich erneut an.</translation>
    </message>
    <message>
        <source>Finish signing in in your browser. Keyturn waits for up to five minutes.</source>
        <translation>Schließen Sie die Anmeldung im Browser ab. Keyturn wartet bis zu fünf Minuten.</translation>
    </message>
    <message>
        <source>Requesting a sign-in code…</source>
        <translation>Anmeldecode wird angefordert…</translation>
    </message>
    <message>
        <source>Completing sign-in…</source>
        <translation>Anmeldung wird abgeschlossen…</translation>
    </message>
    <message>
        <source>Waiting for the system keychain: a password prompt may be open.</source>
        <translation>Warten auf den Schlüsselbund des Systems: Möglicherweise ist eine Kennwortabfrage geöffnet.</translation>
    </message>
    <message>
        <source>Signing you in…</source>
        <translation>Sie werden angemeldet…</translation>
    </message>
    <message>
        <source>Open &lt;a href=&quot;%1&quot;&gt;%1&lt;/a&gt; on any device and enter the code.</source>
        <translation>Öffnen Sie &lt;a href=&quot;%1&quot;&gt;%1&lt;/a&gt; auf einem beliebigen Gerät, und geben Sie den Code ein.</translation>
    </message>
    <message>
        <source>Waiting for you to enter the code…</source>
        <translation>Warten auf die Eingabe des Codes…</translation>
    </message>
    <message>
        <source>Back to the device &amp;list</source>
        <translation>Zurück zur Geräte&amp;liste</translation>
    </message>
    <message>
        <source>Back to the device list</source>
        <translation>Zurück zur Geräteliste</translation>
    </message>
</context>
<context>
    <name>keyturn::ui::TenantBadge</name>
    <message>
        <source>Tenant</source>
        <translation>Mandant</translation>
    </message>
    <message>
        <source>Acting in %1</source>
        <translation>Aktionen in %1</translation>
    </message>
    <message>
        <source>Acting in %1 (colour tag: %2)</source>
        <translation>Aktionen in %1 (Farbmarkierung: %2)</translation>
    </message>
</context>
<context>
    <name>keyturn::ui::TenantQuestion</name>
    <message>
        <source>%1 in %2?</source>
        <extracomment>%1 a question without its question mark (&quot;Are you sure you want to sync MAC-0042&quot;), %2 a tenant (&quot;Contoso (contoso.onmicrosoft.com)&quot;)</extracomment>
        <translation>%1 in %2?</translation>
    </message>
    <message>
        <source>%1 (in %2)</source>
        <extracomment>%1 a question, %2 a tenant (&quot;Contoso (contoso.onmicrosoft.com)&quot;)</extracomment>
        <translation>%1 (in %2)</translation>
    </message>
</context>
<context>
    <name>keyturn::ui::text</name>
    <message>
        <source>Pending</source>
        <translation>Ausstehend</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <source>Complete</source>
        <translation>Abgeschlossen</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Canceled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <source>Not supported</source>
        <translation>Nicht unterstützt</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Keine</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Nie</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Nein</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Cannot start the demo tenant: %1</source>
        <translation>Der Demomandant kann nicht gestartet werden: %1</translation>
    </message>
    <message>
        <source>This build of Keyturn has no demo tenant, so --demo cannot run (the demo tenant needs Qt 6.4 or 6.8 and later, and the build option KEYTURN_DEMO on); without --demo Keyturn signs in to a real tenant.</source>
        <translation>Dieser Build von Keyturn enthält keinen Demomandanten, daher kann --demo nicht ausgeführt werden (der Demomandant benötigt Qt 6.4 oder 6.8 und neuer sowie die Build-Option KEYTURN_DEMO); ohne --demo meldet sich Keyturn bei einem echten Mandanten an.</translation>
    </message>
</context>
</TS>
