<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nl_NL">
<context>
    <name>NewProjectDialog</name>
    <message>
        <source>New project</source>
        <translation>Nieuw project</translation>
    </message>
    <message>
        <source>Youth care codebook (jeugdhulp)</source>
        <translation>Codeboek jeugdhulp</translation>
    </message>
    <message>
        <source>Empty codebook</source>
        <translation>Leeg codeboek</translation>
    </message>
    <message>
        <source>Encrypt the project file with a password</source>
        <translation>Het projectbestand versleutelen met een wachtwoord</translation>
    </message>
    <message>
        <source>Duiding does not keep the password. Without it the project cannot be opened: store it safely.</source>
        <translation>Duiding bewaart het wachtwoord niet. Zonder wachtwoord is het project niet meer te openen: bewaar het op een veilige plek.</translation>
    </message>
    <message>
        <source>Codebook</source>
        <translation>Codeboek</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Wachtwoord</translation>
    </message>
    <message>
        <source>Repeat password</source>
        <translation>Herhaal wachtwoord</translation>
    </message>
    <message>
        <source>Choose a password.</source>
        <translation>Kies een wachtwoord.</translation>
    </message>
    <message>
        <source>The passwords differ.</source>
        <translation>De wachtwoorden zijn niet gelijk.</translation>
    </message>
</context>
<context>
    <name>PasswordDialog</name>
    <message>
        <source>Encrypted project</source>
        <translation>Versleuteld project</translation>
    </message>
    <message>
        <source>“{name}” is encrypted. Its password:</source>
        <translation>“{name}” is versleuteld. Wachtwoord:</translation>
    </message>
    <message>
        <source>Wrong password; nothing was changed. Try again.</source>
        <translation>Onjuist wachtwoord; er is niets veranderd. Probeer het opnieuw.</translation>
    </message>
</context>
<context>
    <name>WithdrawDialog</name>
    <message>
        <source>Withdraw consent</source>
        <translation>Toestemming intrekken</translation>
    </message>
    <message>
        <source>Respondent (id)</source>
        <translation>Respondent (id)</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Document</translation>
    </message>
    <message>
        <source>Case (family)</source>
        <translation>Casus (gezin)</translation>
    </message>
    <message>
        <source>Show what will be removed</source>
        <translation>Toon wat er verwijderd wordt</translation>
    </message>
    <message>
        <source>This cannot be undone, and the undo history is cleared. Their text is removed from the project file for good; files you exported earlier are not changed.</source>
        <translation>Dit kan niet ongedaan worden gemaakt, en de geschiedenis voor ongedaan maken wordt gewist. Hun tekst verdwijnt definitief uit het projectbestand; bestanden die u eerder exporteerde, veranderen niet.</translation>
    </message>
    <message>
        <source>I understand: remove all of this</source>
        <translation>Ik begrijp het: verwijder dit allemaal</translation>
    </message>
    <message>
        <source>Withdraw and remove</source>
        <translation>Intrekken en verwijderen</translation>
    </message>
    <message>
        <source>Withdraw by</source>
        <translation>Intrekken voor</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Wie</translation>
    </message>
    <message numerus="yes">
        <source>Also remove the %n backup(s) beside the project that still hold their data</source>
        <translation>
            <numerusform>Ook de %n back-up naast het project verwijderen waarin hun gegevens nog staan</numerusform>
            <numerusform>Ook de %n back-ups naast het project verwijderen waarin hun gegevens nog staan</numerusform>
        </translation>
    </message>
    <message>
        <source>Documents:</source>
        <translation>Documenten:</translation>
    </message>
    <message>
        <source>Cases, with their attributes and memos:</source>
        <translation>Casussen, met hun kenmerken en memo’s:</translation>
    </message>
    <message>
        <source>{segments} coded fragments, {events} help-history events, {rows} questionnaire rows, {values} attribute values, {nlp} NLP caches</source>
        <translation>{segments} gecodeerde fragmenten, {events} gebeurtenissen in de hulpgeschiedenis, {rows} vragenlijstrijen, {values} kenmerkwaarden, {nlp} NLP-caches</translation>
    </message>
    <message>
        <source>Memos removed:</source>
        <translation>Memo’s die verdwijnen:</translation>
    </message>
    <message>
        <source>Memos that quote them (the quoted passages are cut; review them afterwards):</source>
        <translation>Memo’s die hen citeren (de geciteerde passages worden weggehaald; bekijk ze daarna nog eens):</translation>
    </message>
    <message>
        <source>Matrix summaries removed:</source>
        <translation>Samenvattingen in de matrix die verdwijnen:</translation>
    </message>
    <message>
        <source>{keys} pseudonym key entries and {names} names that only they had</source>
        <translation>{keys} regels uit de pseudoniemsleutel en {names} namen die alleen bij hen horen</translation>
    </message>
    <message>
        <source>Backups that still hold their data:</source>
        <translation>Back-ups waarin hun gegevens nog staan:</translation>
    </message>
    <message>
        <source>Removing their data and wiping the project file…</source>
        <translation>Hun gegevens verwijderen en het projectbestand schoonmaken…</translation>
    </message>
    <message>
        <source>Withdraw consent…</source>
        <translation>Toestemming intrekken…</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>“&lt; N”</source>
        <translation>“&lt; N”</translation>
    </message>
    <message>
        <source>“–”</source>
        <translation>“–”</translation>
    </message>
    <message>
        <source>Name the coders in the method paragraph</source>
        <translation>De codeurs noemen in de paragraaf over de werkwijze</translation>
    </message>
    <message>
        <source>Hidden counts read</source>
        <translation>Verborgen aantallen tonen als</translation>
    </message>
</context>
</TS>
