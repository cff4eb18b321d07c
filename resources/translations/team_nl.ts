<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nl_NL">
<context>
    <name>AboutDialog</name>
    <message>
        <source>Team project:</source>
        <translation>Teamproject:</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>Someone else has changed this since: nothing was changed.</source>
        <translation>Iemand anders heeft dit intussen gewijzigd: er is niets veranderd.</translation>
    </message>
    <message>
        <source>Your role in this project does not allow this.</source>
        <translation>Je rol in dit project staat dit niet toe.</translation>
    </message>
    <message>
        <source>The server could not be used.</source>
        <translation>De server kon niet worden gebruikt.</translation>
    </message>
    <message>
        <source>The server cannot be reached.</source>
        <translation>De server is niet bereikbaar.</translation>
    </message>
    <message>
        <source>The server refused the sign-in.</source>
        <translation>De server weigerde de aanmelding.</translation>
    </message>
    <message>
        <source>The server asks for a password.</source>
        <translation>De server vraagt om een wachtwoord.</translation>
    </message>
    <message>
        <source>The server&apos;s PostgreSQL is too old.</source>
        <translation>De PostgreSQL-versie van de server is te oud.</translation>
    </message>
    <message>
        <source>Offline: the connection to the server was lost.</source>
        <translation>Offline: de verbinding met de server is verbroken.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Open &amp;team project (server)…</source>
        <translation>&amp;Teamproject openen (server)…</translation>
    </message>
    <message>
        <source>Team project connection</source>
        <translation>Verbinding met teamproject</translation>
    </message>
</context>
<context>
    <name>TeamStatus</name>
    <message>
        <source>project lead</source>
        <translation>projectleider</translation>
    </message>
    <message>
        <source>coder</source>
        <translation>codeur</translation>
    </message>
    <message>
        <source>reader</source>
        <translation>lezer</translation>
    </message>
    <message>
        <source>online</source>
        <translation>online</translation>
    </message>
    <message>
        <source>offline — reconnecting…</source>
        <translation>offline — opnieuw verbinden…</translation>
    </message>
    <message>
        <source>Server {server} · {database} · {user} ({role}) · {state}</source>
        <translation>Server {server} · {database} · {user} ({role}) · {state}</translation>
    </message>
    <message>
        <source>Team project on a PostgreSQL server. Other coders&apos; work appears here as they save it.</source>
        <translation>Teamproject op een PostgreSQL-server. Het werk van andere codeurs verschijnt hier zodra zij het opslaan.</translation>
    </message>
</context>
<context>
    <name>TeamDialogs</name>
    <message>
        <source>Password for the server (not saved; for a saved one use a .pgpass file):</source>
        <translation>Wachtwoord voor de server (wordt niet bewaard; wil je het bewaren, gebruik dan een .pgpass-bestand):</translation>
    </message>
    <message>
        <source>The server refused the password. Try again:</source>
        <translation>De server weigerde het wachtwoord. Probeer het opnieuw:</translation>
    </message>
    <message>
        <source>Team project</source>
        <translation>Teamproject</translation>
    </message>
    <message>
        <source>Open team project</source>
        <translation>Teamproject openen</translation>
    </message>
    <message>
        <source>Address of the team project (postgresql://server/database):</source>
        <translation>Adres van het teamproject (postgresql://server/database):</translation>
    </message>
</context>
</TS>
