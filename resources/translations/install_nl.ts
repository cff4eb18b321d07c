<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<!-- Installation and first run: About, Manual, crash log (issue 13). -->
<TS version="2.1" language="nl_NL">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About Duiding</source>
        <translation>Over Duiding</translation>
    </message>
    <message>
        <source>A workbench for qualitative interview research.</source>
        <translation>Werkbank voor kwalitatief interviewonderzoek.</translation>
    </message>
    <message>
        <source>app (no Python installation needed)</source>
        <translation>app (geen Python-installatie nodig)</translation>
    </message>
    <message>
        <source>from a Python installation</source>
        <translation>vanuit een Python-installatie</translation>
    </message>
    <message>
        <source>{project} (this version writes {head})</source>
        <translation>{project} (deze versie schrijft {head})</translation>
    </message>
    <message>
        <source>{head} (no project open)</source>
        <translation>{head} (geen project open)</translation>
    </message>
    <message>
        <source>Version:</source>
        <translation>Versie:</translation>
    </message>
    <message>
        <source>Python and Qt:</source>
        <translation>Python en Qt:</translation>
    </message>
    <message>
        <source>NLP pipeline:</source>
        <translation>NLP-pijplijn:</translation>
    </message>
    <message>
        <source>Project schema:</source>
        <translation>Projectschema:</translation>
    </message>
    <message>
        <source>Data:</source>
        <translation>Gegevens:</translation>
    </message>
    <message>
        <source>Logs:</source>
        <translation>Logbestanden:</translation>
    </message>
    <message>
        <source>Cache:</source>
        <translation>Cache:</translation>
    </message>
    <message>
        <source>Project file:</source>
        <translation>Projectbestand:</translation>
    </message>
    <message>
        <source>Copy details</source>
        <translation>Gegevens kopiëren</translation>
    </message>
    <message>
        <source>Open log folder</source>
        <translation>Logmap openen</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>The details are in {path}. Please send this file along when you report the problem.</source>
        <translation>De details staan in {path}. Stuur dit bestand mee als je het probleem meldt.</translation>
    </message>
    <message>
        <source>Open log folder</source>
        <translation>Logmap openen</translation>
    </message>
    <message>
        <source>The log folder could not be written.</source>
        <translation>De logmap kon niet worden beschreven.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Manual</source>
        <translation>Handleiding</translation>
    </message>
</context>
<context>
    <name>ManualWindow</name>
    <message>
        <source>Duiding manual</source>
        <translation>Handleiding Duiding</translation>
    </message>
    <message>
        <source>The manual is not part of this installation ({path}).</source>
        <translation>De handleiding hoort niet bij deze installatie ({path}).</translation>
    </message>
</context>
</TS>
