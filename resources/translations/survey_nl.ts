<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nl_NL">
<context>
    <name>FiguresModel</name>
    <message>
        <source>(all)</source>
        <translation>(alle)</translation>
    </message>
    <message>
        <source>n {n}</source>
        <translation>n {n}</translation>
    </message>
    <message>
        <source>{pct} (n={n})</source>
        <translation>{pct} (n={n})</translation>
    </message>
    <message>
        <source>{diff} pp</source>
        <translation>{diff} pp</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>Vraag</translation>
    </message>
    <message>
        <source>Top box</source>
        <translation>Telt als positief</translation>
    </message>
    <message>
        <source>(no meting)</source>
        <translation>(geen meting)</translation>
    </message>
    <message>
        <source>{meting} (n={n})</source>
        <translation>{meting} (n={n})</translation>
    </message>
    <message>
        <source>Difference</source>
        <translation>Verschil</translation>
    </message>
    <message>
        <source>Themes</source>
        <translation>Thema's</translation>
    </message>
</context>
<context>
    <name>LinkDialog</name>
    <message>
        <source>Themes of: {item}</source>
        <translation>Thema's bij: {item}</translation>
    </message>
    <message>
        <source>Show this item's figures with these themes:</source>
        <translation>Toon de cijfers van deze vraag bij deze thema's:</translation>
    </message>
</context>
<context>
    <name>ScaleEditor</name>
    <message>
        <source>Answer scale (lowest first; tick the answers that count as positive)</source>
        <translation>Antwoordschaal (laagste eerst; vink de antwoorden aan die als positief tellen)</translation>
    </message>
    <message>
        <source>Up</source>
        <translation>Omhoog</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>Omlaag</translation>
    </message>
    <message>
        <source>Not counted: {answers}</source>
        <translation>Telt niet mee: {answers}</translation>
    </message>
</context>
<context>
    <name>SurveyFiguresView</name>
    <message>
        <source>Groups with fewer answers are not shown</source>
        <translation>Groepen met minder antwoorden worden niet getoond</translation>
    </message>
    <message>
        <source>No questionnaire yet: File → Import questionnaire…</source>
        <translation>Nog geen vragenlijst: Bestand → Vragenlijst importeren…</translation>
    </message>
    <message>
        <source>Link to themes…</source>
        <translation>Aan thema's koppelen…</translation>
    </message>
    <message>
        <source>Top box…</source>
        <translation>Positieve antwoorden…</translation>
    </message>
    <message>
        <source>Split by</source>
        <translation>Uitsplitsen naar</translation>
    </message>
    <message>
        <source>Hide groups under</source>
        <translation>Verberg groepen onder</translation>
    </message>
    <message>
        <source>(nothing)</source>
        <translation>(niets)</translation>
    </message>
    <message>
        <source>{items} closed items; respondents per meting: {per}</source>
        <translation>{items} gesloten vragen; respondenten per meting: {per}</translation>
    </message>
    <message>
        <source>n &lt; {n}</source>
        <translation>n &lt; {n}</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(geen)</translation>
    </message>
    <message>
        <source>(no meting)</source>
        <translation>(geen meting)</translation>
    </message>
    <message>
        <source>Questionnaire figures</source>
        <translation>Cijfers uit de vragenlijst</translation>
    </message>
</context>
<context>
    <name>SurveyImport</name>
    <message>
        <source>Respondent id</source>
        <translation>Respondentnummer</translation>
    </message>
    <message>
        <source>Attribute</source>
        <translation>Attribuut</translation>
    </message>
    <message>
        <source>Meting</source>
        <translation>Meting</translation>
    </message>
    <message>
        <source>Closed item</source>
        <translation>Gesloten vraag</translation>
    </message>
    <message>
        <source>Open question</source>
        <translation>Open vraag</translation>
    </message>
    <message>
        <source>Leave out</source>
        <translation>Niet importeren</translation>
    </message>
    <message>
        <source>guessed</source>
        <translation>geraden</translation>
    </message>
    <message>
        <source>saved</source>
        <translation>opgeslagen</translation>
    </message>
    <message>
        <source>chosen</source>
        <translation>gekozen</translation>
    </message>
    <message>
        <source>{n} respondents imported from {file}.</source>
        <translation>{n} respondenten geïmporteerd uit {file}.</translation>
    </message>
    <message>
        <source>Importing questionnaire…</source>
        <translation>Vragenlijst importeren…</translation>
    </message>
    <message>
        <source>Reading {file}…</source>
        <translation>{file} lezen…</translation>
    </message>
    <message>
        <source>Import &amp;questionnaire…</source>
        <translation>&amp;Vragenlijst importeren…</translation>
    </message>
    <message>
        <source>Choose a questionnaire export</source>
        <translation>Kies een export van de vragenlijst</translation>
    </message>
    <message>
        <source>Questionnaires</source>
        <translation>Vragenlijsten</translation>
    </message>
    <message>
        <source>All files</source>
        <translation>Alle bestanden</translation>
    </message>
</context>
<context>
    <name>SurveyImportDialog</name>
    <message>
        <source>Import questionnaire: {file}</source>
        <translation>Vragenlijst importeren: {file}</translation>
    </message>
    <message>
        <source>{n} respondents. Check what each column is: the respondent id, an attribute (gemeente, type respondent…), the meting, a closed item on an answer scale, or an open question whose answers you will code. Personal data such as names and e-mail addresses is left out.</source>
        <translation>{n} respondenten. Controleer per kolom wat het is: het respondentnummer, een attribuut (gemeente, type respondent…), de meting, een gesloten vraag met een antwoordschaal, of een open vraag waarvan u de antwoorden gaat coderen. Persoonsgegevens zoals namen en e-mailadressen worden niet geïmporteerd.</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>Kolom</translation>
    </message>
    <message>
        <source>Example answers</source>
        <translation>Voorbeeldantwoorden</translation>
    </message>
    <message>
        <source>Import as</source>
        <translation>Importeren als</translation>
    </message>
    <message>
        <source>Attribute or question</source>
        <translation>Attribuut of vraag</translation>
    </message>
    <message>
        <source>Scale (top box)</source>
        <translation>Schaal (positief)</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Bron</translation>
    </message>
    <message>
        <source>e.g. 2024</source>
        <translation>bijv. 2024</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importeren</translation>
    </message>
    <message>
        <source>Meting for every respondent (when no column holds it):</source>
        <translation>Meting voor alle respondenten (als geen kolom die bevat):</translation>
    </message>
    <message>
        <source>{column}: {why} Put the answers in order and tick the top box.</source>
        <translation>{column}: {why} Zet de antwoorden op volgorde en vink de positieve antwoorden aan.</translation>
    </message>
    <message>
        <source>No meting: type one for every respondent, or choose the column that holds it.</source>
        <translation>Geen meting: vul er een in voor alle respondenten, of kies de kolom die de meting bevat.</translation>
    </message>
</context>
<context>
    <name>TopBoxDialog</name>
    <message>
        <source>Top box: {item}</source>
        <translation>Positieve antwoorden: {item}</translation>
    </message>
    <message>
        <source>Tick the answers that count as positive (lowest first):</source>
        <translation>Vink de antwoorden aan die als positief tellen (laagste eerst):</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>show every figure</source>
        <translation>elk cijfer tonen</translation>
    </message>
    <message>
        <source>(no second table)</source>
        <translation>(geen tweede tabel)</translation>
    </message>
    <message>
        <source>Questionnaire: hide figures of fewer respondents than</source>
        <translation>Vragenlijst: cijfers verbergen bij minder respondenten dan</translation>
    </message>
    <message>
        <source>Questionnaire: a second table per</source>
        <translation>Vragenlijst: een tweede tabel per</translation>
    </message>
</context>
</TS>
