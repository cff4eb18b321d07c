<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nl_NL" sourcelanguage="en">
<!-- REFI-QDA import report, export options and code/document groups (app/panels/refi.py, refi_export.py, groups.py). -->
<context>
    <name>Groups</name>
    <message>
        <source>Code groups</source>
        <translation>Codegroepen</translation>
    </message>
    <message>
        <source>Document groups</source>
        <translation>Documentgroepen</translation>
    </message>
    <message>
        <source>Groups: {names}</source>
        <translation>Groepen: {names}</translation>
    </message>
    <message>
        <source>Folder: groups codes, receives no fragments</source>
        <translation>Map: groepeert codes, krijgt zelf geen fragmenten</translation>
    </message>
    <message>
        <source>New group with the selection…</source>
        <translation>Nieuwe groep met de selectie…</translation>
    </message>
    <message>
        <source>Delete group</source>
        <translation>Groep verwijderen</translation>
    </message>
    <message>
        <source>New group</source>
        <translation>Nieuwe groep</translation>
    </message>
    <message>
        <source>Name of the group:</source>
        <translation>Naam van de groep:</translation>
    </message>
</context>
<context>
    <name>ImportReportDialog</name>
    <message>
        <source>REFI-QDA import</source>
        <translation>REFI-QDA-import</translation>
    </message>
</context>
<context>
    <name>RefiExportOptions</name>
    <message>
        <source>Characters, as the standard says (ATLAS.ti, MAXQDA, QualCoder)</source>
        <translation>Tekens, zoals de standaard voorschrijft (ATLAS.ti, MAXQDA, QualCoder)</translation>
    </message>
    <message>
        <source>UTF-16 units, as NVivo counts them</source>
        <translation>UTF-16-eenheden, zoals NVivo ze telt</translation>
    </message>
    <message>
        <source>Only texts with emoji or other rare characters differ; choose NVivo when the file is for NVivo.</source>
        <translation>Alleen teksten met emoji of andere zeldzame tekens verschillen; kies NVivo als het bestand voor NVivo is.</translation>
    </message>
    <message>
        <source>Write the full path as name for codes whose name occurs more than once</source>
        <translation>Schrijf het volledige pad als naam voor codes waarvan de naam vaker voorkomt</translation>
    </message>
    <message>
        <source>Used more than once: {names}. QualCoder and ATLAS.ti merge codes that share a name.</source>
        <translation>Vaker gebruikt: {names}. QualCoder en ATLAS.ti voegen codes met dezelfde naam samen.</translation>
    </message>
    <message>
        <source>Every code name is unique.</source>
        <translation>Elke codenaam is uniek.</translation>
    </message>
    <message>
        <source>Positions</source>
        <translation>Posities</translation>
    </message>
</context>
<context>
    <name>RefiImport</name>
    <message>
        <source>documents</source>
        <translation>documenten</translation>
    </message>
    <message>
        <source>codes</source>
        <translation>codes</translation>
    </message>
    <message>
        <source>coded fragments</source>
        <translation>gecodeerde fragmenten</translation>
    </message>
    <message>
        <source>coders</source>
        <translation>codeurs</translation>
    </message>
    <message>
        <source>cases</source>
        <translation>casussen</translation>
    </message>
    <message>
        <source>attributes</source>
        <translation>kenmerken</translation>
    </message>
    <message>
        <source>memos</source>
        <translation>memo's</translation>
    </message>
    <message>
        <source>code and document groups</source>
        <translation>code- en documentgroepen</translation>
    </message>
    <message>
        <source>on the project</source>
        <translation>bij het project</translation>
    </message>
    <message>
        <source>on codes</source>
        <translation>bij codes</translation>
    </message>
    <message>
        <source>on documents</source>
        <translation>bij documenten</translation>
    </message>
    <message>
        <source>on cases</source>
        <translation>bij casussen</translation>
    </message>
    <message>
        <source>in the memo of a coded fragment</source>
        <translation>in de memo van een gecodeerd fragment</translation>
    </message>
    <message>
        <source>on a passage of a document (no code there)</source>
        <translation>bij een passage van een document (zonder code)</translation>
    </message>
    <message>
        <source>audio</source>
        <translation>audio</translation>
    </message>
    <message>
        <source>video</source>
        <translation>video</translation>
    </message>
    <message>
        <source>pictures</source>
        <translation>afbeeldingen</translation>
    </message>
    <message>
        <source>PDF documents</source>
        <translation>PDF-documenten</translation>
    </message>
    <message>
        <source>text sources</source>
        <translation>tekstbronnen</translation>
    </message>
    <message>
        <source>codings</source>
        <translation>coderingen</translation>
    </message>
    <message>
        <source>graphs</source>
        <translation>netwerkweergaven</translation>
    </message>
    <message>
        <source>links</source>
        <translation>koppelingen</translation>
    </message>
    <message>
        <source>memo attachments</source>
        <translation>koppelingen van memo's</translation>
    </message>
    <message>
        <source>sets</source>
        <translation>sets</translation>
    </message>
    <message>
        <source>set members</source>
        <translation>leden van sets</translation>
    </message>
    <message>
        <source>case links</source>
        <translation>koppelingen van casussen</translation>
    </message>
    <message>
        <source>codes that stand for a case</source>
        <translation>codes die voor een casus staan</translation>
    </message>
    <message>
        <source>folders (not codable)</source>
        <translation>mappen (niet codeerbaar)</translation>
    </message>
    <message>
        <source>Duiding works with text only</source>
        <translation>Duiding werkt alleen met tekst</translation>
    </message>
    <message>
        <source>regions of a PDF page cannot be represented</source>
        <translation>gebieden op een PDF-pagina kunnen niet worden weergegeven</translation>
    </message>
    <message>
        <source>the position lies outside the text</source>
        <translation>de positie ligt buiten de tekst</translation>
    </message>
    <message>
        <source>it has no identifier</source>
        <translation>het heeft geen identificatie</translation>
    </message>
    <message>
        <source>the fragment has no code</source>
        <translation>het fragment heeft geen code</translation>
    </message>
    <message>
        <source>it refers to a code that is not in the codebook</source>
        <translation>het verwijst naar een code die niet in het codeboek staat</translation>
    </message>
    <message>
        <source>the file is missing from the archive</source>
        <translation>het bestand ontbreekt in het archief</translation>
    </message>
    <message>
        <source>Duiding has no equivalent</source>
        <translation>Duiding kent hier geen equivalent van</translation>
    </message>
    <message>
        <source>case members that are fragments, not documents</source>
        <translation>casusleden die fragmenten zijn, geen documenten</translation>
    </message>
    <message>
        <source>what it belongs to was not imported; kept as a project memo</source>
        <translation>waar het bij hoort, is niet geïmporteerd; bewaard als projectmemo</translation>
    </message>
    <message>
        <source>the document it names is not in the file</source>
        <translation>het document waarnaar het verwijst, staat niet in het bestand</translation>
    </message>
    <message>
        <source>the memo has no text</source>
        <translation>de memo heeft geen tekst</translation>
    </message>
    <message>
        <source>the memo is only a Word file, without plain text</source>
        <translation>de memo is alleen een Word-bestand, zonder platte tekst</translation>
    </message>
    <message>
        <source>groups of memos are not kept</source>
        <translation>groepen memo's worden niet bewaard</translation>
    </message>
    <message>
        <source>it has no member Duiding keeps</source>
        <translation>het heeft geen lid dat Duiding bewaart</translation>
    </message>
    <message>
        <source>some members are not in the file as text or codes</source>
        <translation>sommige leden staan niet als tekst of code in het bestand</translation>
    </message>
    <message>
        <source>the folder carries codings, so it was kept as a code</source>
        <translation>de map heeft coderingen en is daarom als code bewaard</translation>
    </message>
    <message>
        <source>characters (as the standard says)</source>
        <translation>tekens (zoals de standaard voorschrijft)</translation>
    </message>
    <message>
        <source>UTF-16 units (as NVivo writes them); converted</source>
        <translation>UTF-16-eenheden (zoals NVivo ze schrijft); omgerekend</translation>
    </message>
    <message>
        <source>characters with Windows line ends; converted</source>
        <translation>tekens met Windows-regeleinden; omgerekend</translation>
    </message>
    <message>
        <source>UTF-16 units with Windows line ends; converted</source>
        <translation>UTF-16-eenheden met Windows-regeleinden; omgerekend</translation>
    </message>
    <message>
        <source>Made with: {origin}</source>
        <translation>Gemaakt met: {origin}</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>Geïmporteerd</translation>
    </message>
    <message>
        <source>Where the memos went</source>
        <translation>Waar de memo's terechtkwamen</translation>
    </message>
    <message>
        <source>Positions read as: {unit}</source>
        <translation>Posities gelezen als: {unit}</translation>
    </message>
    <message>
        <source>Not kept</source>
        <translation>Niet bewaard</translation>
    </message>
    <message>
        <source>for example {names}</source>
        <translation>bijvoorbeeld {names}</translation>
    </message>
    <message>
        <source>Everything in the file was imported.</source>
        <translation>Alles uit het bestand is geïmporteerd.</translation>
    </message>
    <message>
        <source>Remarks</source>
        <translation>Opmerkingen</translation>
    </message>
    <message>
        <source>Importing {name}…</source>
        <translation>{name} wordt geïmporteerd…</translation>
    </message>
    <message>
        <source>Open a project (not read-only) to add a codebook to.</source>
        <translation>Open een project (niet alleen-lezen) om een codeboek aan toe te voegen.</translation>
    </message>
    <message>
        <source>Import REFI-QDA</source>
        <translation>REFI-QDA importeren</translation>
    </message>
    <message>
        <source>REFI-QDA project or codebook (*.qdpx *.qdc);;REFI-QDA project (*.qdpx);;REFI-QDA codebook (*.qdc)</source>
        <translation>REFI-QDA-project of -codeboek (*.qdpx *.qdc);;REFI-QDA-project (*.qdpx);;REFI-QDA-codeboek (*.qdc)</translation>
    </message>
    <message>
        <source>Save the imported project as</source>
        <translation>Geïmporteerd project opslaan als</translation>
    </message>
    <message>
        <source>Duiding projects (*.duiding)</source>
        <translation>Duiding-projecten (*.duiding)</translation>
    </message>
    <message>
        <source>Import REFI-QDA…</source>
        <translation>REFI-QDA importeren…</translation>
    </message>
</context>
</TS>
