<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nl_NL">
<context>
    <name>PersonalDataWarning</name>
    <message>
        <source>Personal data in the export</source>
        <translation>Persoonsgegevens in de export</translation>
    </message>
    <message>
        <source>This export contains personal data.</source>
        <translation>Deze export bevat persoonsgegevens.</translation>
    </message>
    <message numerus="yes">
        <source>%n document(s) of {total} were never pseudonymised.</source>
        <translation>
            <numerusform>%n document van de {total} is nooit gepseudonimiseerd.</numerusform>
            <numerusform>%n documenten van de {total} zijn nooit gepseudonimiseerd.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n detected name(s) have not been reviewed yet.</source>
        <translation>
            <numerusform>%n gevonden naam is nog niet beoordeeld.</numerusform>
            <numerusform>%n gevonden namen zijn nog niet beoordeeld.</numerusform>
        </translation>
    </message>
    <message>
        <source>Names found: {names}</source>
        <translation>Gevonden namen: {names}</translation>
    </message>
    <message>
        <source>These names leave the project with the export. Pseudonymise first, or continue only if whoever receives the export may see them.</source>
        <translation>Deze namen verlaten het project met de export. Pseudonimiseer eerst, of ga alleen door als wie de export krijgt ze mag zien.</translation>
    </message>
    <message>
        <source>… and {n} more</source>
        <translation>… en nog {n}</translation>
    </message>
    <message>
        <source>Continue exporting</source>
        <translation>Doorgaan met exporteren</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
    <message>
        <source>Pseudonymise…</source>
        <translation>Pseudonimiseren…</translation>
    </message>
</context>
</TS>
