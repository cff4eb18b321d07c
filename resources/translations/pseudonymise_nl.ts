<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nl_NL" sourcelanguage="en">
<context>
    <name>AttributeBox</name>
    <message>
        <source>Attributes</source>
        <translation>Attributen</translation>
    </message>
    <message>
        <source>Only ticked attributes are pseudonymised. Years (meting), respondent type and municipality stay as they are: reports are published per municipality and compare years.</source>
        <translation>Alleen aangevinkte attributen worden gepseudonimiseerd. Jaren (meting), type respondent en gemeente blijven zoals ze zijn: rapporten verschijnen per gemeente en vergelijken jaren.</translation>
    </message>
</context>
<context>
    <name>EntityModel</name>
    <message>
        <source>number (BSN, case)</source>
        <translation>nummer (BSN, zaak)</translation>
    </message>
    <message>
        <source>social-media account</source>
        <translation>socialemedia-account</translation>
    </message>
    <message>
        <source>Possibly different people:</source>
        <translation>Mogelijk verschillende personen:</translation>
    </message>
</context>
<context>
    <name>NameListBox</name>
    <message>
        <source>person</source>
        <translation>persoon</translation>
    </message>
    <message>
        <source>school</source>
        <translation>school</translation>
    </message>
    <message>
        <source>organisation</source>
        <translation>organisatie</translation>
    </message>
    <message>
        <source>place</source>
        <translation>plaats</translation>
    </message>
    <message>
        <source>street</source>
        <translation>straat</translation>
    </message>
    <message>
        <source>other</source>
        <translation>overig</translation>
    </message>
    <message>
        <source>Names you know</source>
        <translation>Namen die u kent</translation>
    </message>
    <message>
        <source>Respondents, children, care workers, schools: names on this list are always found, also in lower case and with -s/'s.</source>
        <translation>Respondenten, kinderen, hulpverleners, scholen: namen op deze lijst worden altijd gevonden, ook met kleine letters en met -s/'s.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Naam</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Soort</translation>
    </message>
    <message>
        <source>Other forms</source>
        <translation>Andere vormen</translation>
    </message>
    <message>
        <source>Double-click a name or its other forms to edit them (forms separated by commas).</source>
        <translation>Dubbelklik op een naam of de andere vormen om ze te wijzigen (vormen gescheiden door komma's).</translation>
    </message>
    <message>
        <source>Remove from the list</source>
        <translation>Van de lijst verwijderen</translation>
    </message>
    <message>
        <source>e.g. Shanice Pinas</source>
        <translation>bijv. Shanice Pinas</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Toevoegen</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Verwijderen</translation>
    </message>
    <message>
        <source>Import list…</source>
        <translation>Lijst importeren…</translation>
    </message>
    <message>
        <source>A text file with one name per line, or a CSV/Excel sheet saved as CSV with a column 'naam'.</source>
        <translation>Een tekstbestand met één naam per regel, of een CSV/Excel-blad opgeslagen als CSV met een kolom 'naam'.</translation>
    </message>
    <message>
        <source>Import names</source>
        <translation>Namen importeren</translation>
    </message>
    <message>
        <source>Name lists (*.txt *.csv);;All files (*)</source>
        <translation>Namenlijsten (*.txt *.csv);;Alle bestanden (*)</translation>
    </message>
</context>
<context>
    <name>PseudonymiseDialog</name>
    <message>
        <source>Split by document</source>
        <translation>Splitsen per document</translation>
    </message>
    <message>
        <source>The same name belongs to different people in different interviews: give the mentions in the other documents their own replacement.</source>
        <translation>Dezelfde naam hoort in verschillende interviews bij verschillende mensen: geef de vermeldingen in de andere documenten een eigen vervanging.</translation>
    </message>
    <message>
        <source>Possibly different people with the same name. If so, select the row and click “Split by document”.</source>
        <translation>Mogelijk verschillende mensen met dezelfde naam. Zo ja, selecteer de rij en klik op “Splitsen per document”.</translation>
    </message>
</context>
<context>
    <name>RefusalDialog</name>
    <message>
        <source>Export refused</source>
        <translation>Export geweigerd</translation>
    </message>
    <message numerus="yes">
        <source>Nothing was written: %n place(s) in the export still hold personal data from the pseudonym key.</source>
        <translation>
            <numerusform>Er is niets geschreven: op %n plaats in de export staan nog persoonsgegevens uit de pseudoniemensleutel.</numerusform>
            <numerusform>Er is niets geschreven: op %n plaatsen in de export staan nog persoonsgegevens uit de pseudoniemensleutel.</numerusform>
        </translation>
    </message>
    <message>
        <source>Names marked 'not pseudonymised yet' were detected but never applied (or the pseudonymisation was undone). Open the review to apply them, or fix each place below.</source>
        <translation>Namen met 'nog niet gepseudonimiseerd' zijn gevonden maar nooit vervangen (of de pseudonimisering is ongedaan gemaakt). Open de controle om ze te vervangen, of los elke plaats hieronder op.</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Waar</translation>
    </message>
    <message>
        <source>Context</source>
        <translation>Context</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Naam</translation>
    </message>
    <message>
        <source>Open the review</source>
        <translation>Controle openen</translation>
    </message>
    <message numerus="yes">
        <source>Export anyway (%n name(s) not pseudonymised)</source>
        <translation>
            <numerusform>Toch exporteren (%n naam niet gepseudonimiseerd)</numerusform>
            <numerusform>Toch exporteren (%n namen niet gepseudonimiseerd)</numerusform>
        </translation>
    </message>
    <message>
        <source>not pseudonymised yet</source>
        <translation>nog niet gepseudonimiseerd</translation>
    </message>
    <message>
        <source>Rename the coder…</source>
        <translation>Codeur hernoemen…</translation>
    </message>
    <message>
        <source>Keep this word</source>
        <translation>Dit woord laten staan</translation>
    </message>
    <message>
        <source>Kept</source>
        <translation>Blijft staan</translation>
    </message>
    <message>
        <source>Rename the coder</source>
        <translation>Codeur hernoemen</translation>
    </message>
    <message>
        <source>New name for coder “{name}” (e.g. initials):</source>
        <translation>Nieuwe naam voor codeur “{name}” (bijv. initialen):</translation>
    </message>
    <message>
        <source>Renamed</source>
        <translation>Hernoemd</translation>
    </message>
</context>
<context>
    <name>UndoText</name>
    <message>
        <source>Add to the name list</source>
        <translation>Toevoegen aan de namenlijst</translation>
    </message>
    <message>
        <source>Remove from the name list</source>
        <translation>Verwijderen van de namenlijst</translation>
    </message>
    <message>
        <source>Edit the name list</source>
        <translation>Namenlijst wijzigen</translation>
    </message>
    <message>
        <source>Identifying attribute</source>
        <translation>Identificerend attribuut</translation>
    </message>
    <message>
        <source>Keep original</source>
        <translation>Origineel laten staan</translation>
    </message>
    <message>
        <source>Rename coder</source>
        <translation>Codeur hernoemen</translation>
    </message>
</context>
<context>
    <name>UndoWarning</name>
    <message>
        <source>The pseudonymisation was undone: the transcripts contain the original names again.</source>
        <translation>De pseudonimisering is ongedaan gemaakt: de transcripten bevatten weer de echte namen.</translation>
    </message>
    <message>
        <source>Exports will contain these names. Until you apply the pseudonymisation again (Redo, or Data → Pseudonymise…), every export asks first and names them.</source>
        <translation>Exports zouden deze namen bevatten. Tot u de pseudonimisering opnieuw toepast (Opnieuw, of Gegevens → Pseudonimiseren…), vraagt elke export eerst toestemming en noemt ze.</translation>
    </message>
</context>
</TS>
