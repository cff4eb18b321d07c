<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nl_NL">
  <context>
    <name>AttributeTableModel</name>
    <message>
      <location filename="../../app/attributes_dialog.py" line="112" />
      <source>Case</source>
      <translation>Casus</translation>
    </message>
  </context>
  <context>
    <name>AttributesDialog</name>
    <message>
      <location filename="../../app/attributes_dialog.py" line="128" />
      <source>Attributes and cases</source>
      <translation>Attributen en casussen</translation>
    </message>
    <message>
      <location filename="../../app/attributes_dialog.py" line="139" />
      <source>Add attribute…</source>
      <translation>Attribuut toevoegen…</translation>
    </message>
    <message>
      <location filename="../../app/attributes_dialog.py" line="149" />
      <source>Double-click a cell to edit. The first column is the case (e.g. the family) a document belongs to.</source>
      <translation>Dubbelklik op een cel om te bewerken. De eerste kolom is de casus (bijvoorbeeld het gezin) waar een document bij hoort.</translation>
    </message>
    <message>
      <location filename="../../app/attributes_dialog.py" line="176" />
      <source>Add attribute</source>
      <translation>Attribuut toevoegen</translation>
    </message>
    <message>
      <location filename="../../app/attributes_dialog.py" line="176" />
      <source>Name:</source>
      <translation>Naam:</translation>
    </message>
    <message>
      <source>Documents</source>
      <translation>Documenten</translation>
    </message>
    <message>
      <source>Cases</source>
      <translation>Casussen</translation>
    </message>
  </context>
  <context>
    <name>CaseTableModel</name>
    <message>
      <source>Case</source>
      <translation>Casus</translation>
    </message>
    <message>
      <source>Documents</source>
      <translation>Documenten</translation>
    </message>
  </context>
  <context>
    <name>CasesPage</name>
    <message>
      <source>Add case attribute…</source>
      <translation>Casusattribuut toevoegen…</translation>
    </message>
    <message>
      <source>A case groups documents, e.g. the interviews with one family. Put documents in a case in the Documents tab; attributes here belong to the case as a whole (e.g. its gemeente).</source>
      <translation>Een casus bundelt documenten, bijvoorbeeld de interviews met één gezin. Zet documenten in een casus op het tabblad Documenten; de attributen hier horen bij de casus als geheel (bijvoorbeeld de gemeente).</translation>
    </message>
    <message>
      <source>Add case attribute</source>
      <translation>Casusattribuut toevoegen</translation>
    </message>
    <message>
      <source>Name:</source>
      <translation>Naam:</translation>
    </message>
  </context>
  <context>
    <name>CodeDialog</name>
    <message>
      <location filename="../../app/code_panel.py" line="48" />
      <source>Edit code</source>
      <translation>Code bewerken</translation>
    </message>
    <message>
      <location filename="../../app/code_panel.py" line="48" />
      <source>New code</source>
      <translation>Nieuwe code</translation>
    </message>
    <message>
      <location filename="../../app/code_panel.py" line="60" />
      <source>Name</source>
      <translation>Naam</translation>
    </message>
    <message>
      <location filename="../../app/code_panel.py" line="61" />
      <source>Colour</source>
      <translation>Kleur</translation>
    </message>
    <message>
      <location filename="../../app/code_panel.py" line="62" />
      <source>Definition</source>
      <translation>Definitie</translation>
    </message>
    <message>
      <location filename="../../app/code_panel.py" line="63" />
      <source>Shortcut</source>
      <translation>Sneltoets</translation>
    </message>
    <message>
      <location filename="../../app/code_panel.py" line="64" />
      <source>Keywords (comma separated)</source>
      <translation>Trefwoorden (gescheiden door komma’s)</translation>
    </message>
    <message>
      <location filename="../../app/code_panel.py" line="81" />
      <source>Code colour</source>
      <translation>Kleur van de code</translation>
    </message>
  </context>
  <context>
    <name>CodeTreeModel</name>
    <message>
      <location filename="../../app/code_tree.py" line="199" />
      <source>Code</source>
      <translation>Code</translation>
    </message>
    <message>
      <location filename="../../app/code_tree.py" line="199" />
      <source>Fragments</source>
      <translation>Fragmenten</translation>
    </message>
    <message>
      <location filename="../../app/code_tree.py" line="199" />
      <source>Documents</source>
      <translation>Documenten</translation>
    </message>
    <message>
      <source>Shortcut: {key}</source>
      <translation>Sneltoets: {key}</translation>
    </message>
    <message>
      <source>Frag.</source>
      <translation>Frag.</translation>
    </message>
    <message>
      <source>Docs</source>
      <translation>Doc.</translation>
    </message>
    <message>
      <source>Fragments coded with this code (a theme includes its sub-themes)</source>
      <translation>Fragmenten met deze code (een thema telt zijn subthema's mee)</translation>
    </message>
    <message>
      <source>Documents (respondents) with at least one such fragment</source>
      <translation>Documenten (respondenten) met minstens één zo'n fragment</translation>
    </message>
  </context>
  <context>
    <name>CodeTreePanel</name>
    <message>
      <location filename="../../app/code_panel.py" line="131" />
      <location filename="../../app/code_panel.py" line="193" />
      <location filename="../../app/code_panel.py" line="312" />
      <source>New code</source>
      <translation>Nieuwe code</translation>
    </message>
    <message>
      <location filename="../../app/code_panel.py" line="132" />
      <source>Sub-code</source>
      <translation>Subcode</translation>
    </message>
    <message>
      <location filename="../../app/code_panel.py" line="133" />
      <source>Edit</source>
      <translation>Bewerken</translation>
    </message>
    <message>
      <location filename="../../app/code_panel.py" line="134" />
      <source>Apply</source>
      <translation>Toepassen</translation>
    </message>
    <message>
      <location filename="../../app/code_panel.py" line="136" />
      <source>Apply the selected codes to the selected text</source>
      <translation>De geselecteerde codes toepassen op de geselecteerde tekst</translation>
    </message>
    <message>
      <location filename="../../app/code_panel.py" line="193" />
      <source>Name:</source>
      <translation>Naam:</translation>
    </message>
    <message>
      <location filename="../../app/code_panel.py" line="239" />
      <source>Delete code</source>
      <translation>Code verwijderen</translation>
    </message>
    <message>
      <location filename="../../app/code_panel.py" line="240" />
      <source>Delete the code “{code}” with its sub-codes and {n} codings? You can undo this.</source>
      <translation>De code “{code}” met haar subcodes en {n} coderingen verwijderen? Je kunt dit ongedaan maken.</translation>
    </message>
    <message>
      <location filename="../../app/code_panel.py" line="269" />
      <source>Merge codes</source>
      <translation>Codes samenvoegen</translation>
    </message>
    <message>
      <location filename="../../app/code_panel.py" line="270" />
      <source>Merge the selected codes into:</source>
      <translation>De geselecteerde codes samenvoegen met:</translation>
    </message>
    <message>
      <location filename="../../app/code_panel.py" line="309" />
      <source>Apply to selected text</source>
      <translation>Toepassen op geselecteerde tekst</translation>
    </message>
    <message>
      <location filename="../../app/code_panel.py" line="313" />
      <source>New sub-code</source>
      <translation>Nieuwe subcode</translation>
    </message>
    <message>
      <location filename="../../app/code_panel.py" line="315" />
      <source>Rename</source>
      <translation>Naam wijzigen</translation>
    </message>
    <message>
      <location filename="../../app/code_panel.py" line="317" />
      <source>Edit…</source>
      <translation>Bewerken…</translation>
    </message>
    <message>
      <location filename="../../app/code_panel.py" line="318" />
      <source>Merge into…</source>
      <translation>Samenvoegen met…</translation>
    </message>
    <message>
      <location filename="../../app/code_panel.py" line="320" />
      <source>Delete…</source>
      <translation>Verwijderen…</translation>
    </message>
  </context>
  <context>
    <name>CodingController</name>
    <message>
      <location filename="../../app/coding_controller.py" line="233" />
      <source>Fragment memo</source>
      <translation>Memo bij fragment</translation>
    </message>
    <message>
      <location filename="../../app/coding_controller.py" line="234" />
      <source>Memo for this fragment:</source>
      <translation>Memo bij dit fragment:</translation>
    </message>
    <message>
      <location filename="../../app/coding_controller.py" line="245" />
      <source>Apply selected codes</source>
      <translation>Geselecteerde codes toepassen</translation>
    </message>
    <message>
      <location filename="../../app/coding_controller.py" line="248" />
      <source>Apply code</source>
      <translation>Code toepassen</translation>
    </message>
    <message>
      <location filename="../../app/coding_controller.py" line="261" />
      <source>In-vivo code</source>
      <translation>In-vivo coderen</translation>
    </message>
    <message>
      <location filename="../../app/coding_controller.py" line="266" />
      <source>(no code)</source>
      <translation>(geen code)</translation>
    </message>
    <message>
      <location filename="../../app/coding_controller.py" line="267" />
      <source>Fragment: {codes}</source>
      <translation>Fragment: {codes}</translation>
    </message>
    <message>
      <location filename="../../app/coding_controller.py" line="269" />
      <source>Select fragment</source>
      <translation>Fragment selecteren</translation>
    </message>
    <message>
      <location filename="../../app/coding_controller.py" line="271" />
      <source>Adjust fragment to selection</source>
      <translation>Fragment aanpassen aan selectie</translation>
    </message>
    <message>
      <location filename="../../app/coding_controller.py" line="273" />
      <source>Memo…</source>
      <translation>Memo…</translation>
    </message>
    <message>
      <location filename="../../app/coding_controller.py" line="274" />
      <source>Key quote</source>
      <translation>Kernquote</translation>
    </message>
    <message>
      <location filename="../../app/coding_controller.py" line="279" />
      <source>Valence of {code}</source>
      <translation>Waardering van {code}</translation>
    </message>
    <message>
      <location filename="../../app/coding_controller.py" line="287" />
      <source>Remove code {code}</source>
      <translation>Code {code} verwijderen</translation>
    </message>
    <message>
      <location filename="../../app/coding_controller.py" line="289" />
      <source>Remove fragment</source>
      <translation>Fragment verwijderen</translation>
    </message>
  </context>
  <context>
    <name>DefaultValence</name>
    <message>
      <source>New codings:</source>
      <translation>Nieuwe coderingen:</translation>
    </message>
    <message>
      <source>The valence a new coding gets. To change the valence of a fragment that is already coded, select it and use the buttons on the right, or press + − 0.</source>
      <translation>De waardering die een nieuwe codering krijgt. Wil je de waardering van een fragment dat al gecodeerd is veranderen, kies het fragment en gebruik de knoppen links, of druk op + − 0.</translation>
    </message>
  </context>
  <context>
    <name>DocumentListModel</name>
    <message>
      <location filename="../../app/document_list.py" line="181" />
      <source>Document</source>
      <translation>Document</translation>
    </message>
    <message>
      <location filename="../../app/document_list.py" line="181" />
      <source>Words</source>
      <translation>Woorden</translation>
    </message>
    <message>
      <location filename="../../app/document_list.py" line="181" />
      <source>Case</source>
      <translation>Casus</translation>
    </message>
  </context>
  <context>
    <name>DocumentListPanel</name>
    <message>
      <location filename="../../app/document_list.py" line="202" />
      <source>(no case)</source>
      <translation>(geen casus)</translation>
    </message>
    <message>
      <location filename="../../app/document_list.py" line="210" />
      <source>Filter documents…</source>
      <translation>Documenten filteren…</translation>
    </message>
    <message>
      <location filename="../../app/document_list.py" line="213" />
      <source>Group by case</source>
      <translation>Groeperen per casus</translation>
    </message>
    <message>
      <location filename="../../app/document_list.py" line="278" />
      <source>Open</source>
      <translation>Openen</translation>
    </message>
    <message>
      <location filename="../../app/document_list.py" line="280" />
      <source>Rename…</source>
      <translation>Naam wijzigen…</translation>
    </message>
    <message>
      <location filename="../../app/document_list.py" line="282" />
      <source>Speakers…</source>
      <translation>Sprekers…</translation>
    </message>
    <message>
      <location filename="../../app/document_list.py" line="284" />
      <source>Attributes and cases…</source>
      <translation>Attributen en casussen…</translation>
    </message>
    <message>
      <location filename="../../app/document_list.py" line="286" />
      <source>Delete…</source>
      <translation>Verwijderen…</translation>
    </message>
    <message>
      <location filename="../../app/document_list.py" line="291" />
      <source>Rename document</source>
      <translation>Naam van document wijzigen</translation>
    </message>
    <message>
      <location filename="../../app/document_list.py" line="291" />
      <source>Name:</source>
      <translation>Naam:</translation>
    </message>
    <message>
      <location filename="../../app/document_list.py" line="303" />
      <source>Delete documents</source>
      <translation>Documenten verwijderen</translation>
    </message>
    <message>
      <location filename="../../app/document_list.py" line="304" />
      <source>Delete {n} document(s) with all their codings? You can undo this.</source>
      <translation>{n} document(en) met al hun coderingen verwijderen? Je kunt dit ongedaan maken.</translation>
    </message>
    <message numerus="yes">
      <source>Delete %n document(s) with all their codings? You can undo this.</source>
      <translation>
        <numerusform>%n document met al zijn coderingen verwijderen? Je kunt dit ongedaan maken.</numerusform>
        <numerusform>%n documenten met al hun coderingen verwijderen? Je kunt dit ongedaan maken.</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>Context</name>
    <message>
      <source>No project is open.</source>
      <translation>Er is geen project geopend.</translation>
    </message>
    <message>
      <source>The project is open read-only.</source>
      <translation>Het project is alleen-lezen geopend.</translation>
    </message>
    <message>
      <source>Wait until the running task has finished.</source>
      <translation>Wacht tot de lopende taak klaar is.</translation>
    </message>
  </context>
  <context>
    <name>Errors</name>
    <message>
      <source>Nothing was written: no document has a value for this attribute.</source>
      <translation>Er is niets geschreven: geen enkel document heeft een waarde voor dit attribuut.</translation>
    </message>
    <message>
      <source>This cannot be done right now.</source>
      <translation>Dit kan nu even niet.</translation>
    </message>
    <message>
      <location filename="../../app/errors.py" line="26" />
      <source>The project file was not found.</source>
      <translation>Het projectbestand is niet gevonden.</translation>
    </message>
    <message>
      <location filename="../../app/errors.py" line="27" />
      <source>A project with this name already exists.</source>
      <translation>Er bestaat al een project met deze naam.</translation>
    </message>
    <message>
      <location filename="../../app/errors.py" line="28" />
      <source>The project is open elsewhere.</source>
      <translation>Het project is elders geopend.</translation>
    </message>
    <message>
      <location filename="../../app/errors.py" line="29" />
      <source>This file is not a Duiding project, or it is damaged.</source>
      <translation>Dit bestand is geen Duiding-project, of het is beschadigd.</translation>
    </message>
    <message>
      <location filename="../../app/errors.py" line="30" />
      <source>The project is open read-only.</source>
      <translation>Het project is alleen-lezen geopend.</translation>
    </message>
    <message>
      <location filename="../../app/errors.py" line="31" />
      <source>This item no longer exists.</source>
      <translation>Dit onderdeel bestaat niet meer.</translation>
    </message>
    <message>
      <location filename="../../app/errors.py" line="32" />
      <source>This cannot be done.</source>
      <translation>Dit kan niet.</translation>
    </message>
    <message>
      <location filename="../../app/errors.py" line="33" />
      <source>Already in the project.</source>
      <translation>Staat al in het project.</translation>
    </message>
    <message>
      <location filename="../../app/errors.py" line="35" />
      <location filename="../../app/errors.py" line="65" />
      <source>Something went wrong.</source>
      <translation>Er ging iets mis.</translation>
    </message>
    <message>
      <location filename="../../app/errors.py" line="41" />
      <source>already imported</source>
      <translation>al geïmporteerd</translation>
    </message>
    <message>
      <location filename="../../app/errors.py" line="42" />
      <source>the file is empty</source>
      <translation>het bestand is leeg</translation>
    </message>
    <message>
      <location filename="../../app/errors.py" line="43" />
      <source>the file is password protected</source>
      <translation>het bestand is met een wachtwoord beveiligd</translation>
    </message>
    <message>
      <location filename="../../app/errors.py" line="44" />
      <source>the file is damaged or not what its extension says</source>
      <translation>het bestand is beschadigd of niet wat de extensie zegt</translation>
    </message>
    <message>
      <location filename="../../app/errors.py" line="45" />
      <source>the text encoding is not recognised</source>
      <translation>de tekencodering wordt niet herkend</translation>
    </message>
    <message>
      <location filename="../../app/errors.py" line="46" />
      <source>this is not a text file</source>
      <translation>dit is geen tekstbestand</translation>
    </message>
    <message>
      <location filename="../../app/errors.py" line="47" />
      <source>the file is too large</source>
      <translation>het bestand is te groot</translation>
    </message>
    <message>
      <location filename="../../app/errors.py" line="48" />
      <source>this file type cannot be imported</source>
      <translation>dit bestandstype kan niet worden geïmporteerd</translation>
    </message>
    <message>
      <location filename="../../app/errors.py" line="49" />
      <source>the file unpacks to an unsafe size</source>
      <translation>het bestand pakt uit tot een onveilige grootte</translation>
    </message>
    <message>
      <location filename="../../app/errors.py" line="50" />
      <source>the file contains unsafe XML</source>
      <translation>het bestand bevat onveilige XML</translation>
    </message>
    <message>
      <location filename="../../app/errors.py" line="51" />
      <source>the file content is not valid</source>
      <translation>de inhoud van het bestand is niet geldig</translation>
    </message>
    <message>
      <location filename="../../app/errors.py" line="53" />
      <source>unknown reason</source>
      <translation>onbekende reden</translation>
    </message>
    <message>
      <location filename="../../app/errors.py" line="64" />
      <source>The file could not be read or written.</source>
      <translation>Het bestand kon niet worden gelezen of geschreven.</translation>
    </message>
    <message>
      <location filename="../../app/errors.py" line="88" />
      <source>Sorry, something unexpected went wrong. Your coding so far is saved; the details are in the log file.</source>
      <translation>Sorry, er ging onverwacht iets mis. Je codeerwerk tot nu toe is opgeslagen; de details staan in het logbestand.</translation>
    </message>
  </context>
  <context>
    <name>FragmentValence</name>
    <message>
      <source>Make the selected fragment “{valence}” (key {key})</source>
      <translation>Maak het gekozen fragment „{valence}” (toets {key})</translation>
    </message>
    <message>
      <source>No fragment selected</source>
      <translation>Geen fragment gekozen</translation>
    </message>
    <message>
      <source>Click a coded passage or its stripe to select it; its valence is shown and changed here.</source>
      <translation>Klik op een gecodeerde passage of op haar streep om het fragment te kiezen; hier zie en verander je de waardering.</translation>
    </message>
    <message>
      <source>Fragment: {codes}</source>
      <translation>Fragment: {codes}</translation>
    </message>
    <message>
      <source>Memo: {memo}</source>
      <translation>Memo: {memo}</translation>
    </message>
  </context>
  <context>
    <name>HitTableModel</name>
    <message>
      <location filename="../../app/retrieval.py" line="157" />
      <source>Document</source>
      <translation>Document</translation>
    </message>
    <message>
      <location filename="../../app/retrieval.py" line="157" />
      <source>Speaker</source>
      <translation>Spreker</translation>
    </message>
    <message>
      <location filename="../../app/retrieval.py" line="157" />
      <source>Before</source>
      <translation>Ervoor</translation>
    </message>
    <message>
      <location filename="../../app/retrieval.py" line="157" />
      <source>Match</source>
      <translation>Treffer</translation>
    </message>
    <message>
      <location filename="../../app/retrieval.py" line="158" />
      <source>After</source>
      <translation>Erna</translation>
    </message>
  </context>
  <context>
    <name>Import</name>
    <message>
      <location filename="../../app/import_dialog.py" line="120" />
      <source>Importing transcripts…</source>
      <translation>Transcripten importeren…</translation>
    </message>
    <message>
      <location filename="../../app/import_dialog.py" line="126" />
      <source>{imported} imported, {skipped} skipped, {failed} failed</source>
      <translation>{imported} geïmporteerd, {skipped} overgeslagen, {failed} mislukt</translation>
    </message>
    <message>
      <location filename="../../app/import_dialog.py" line="130" />
      <source>(cancelled)</source>
      <translation>(geannuleerd)</translation>
    </message>
    <message>
      <location filename="../../app/import_dialog.py" line="134" />
      <source>✓ {name}: {turns} turns</source>
      <translation>✓ {name}: {turns} beurten</translation>
    </message>
    <message>
      <location filename="../../app/import_dialog.py" line="139" />
      <source>✗ {file}: {reason}</source>
      <translation>✗ {file}: {reason}</translation>
    </message>
    <message>
      <location filename="../../app/import_dialog.py" line="142" />
      <source>Sheet rows without a document: {rows}</source>
      <translation>Rijen in het overzicht zonder document: {rows}</translation>
    </message>
    <message>
      <location filename="../../app/import_dialog.py" line="149" />
      <source>Import</source>
      <translation>Importeren</translation>
    </message>
    <message numerus="yes">
      <source>✓ {name}: %n turn(s)</source>
      <translation>
        <numerusform>✓ {name}: %n beurt</numerusform>
        <numerusform>✓ {name}: %n beurten</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>ImportDialog</name>
    <message>
      <location filename="../../app/import_dialog.py" line="38" />
      <source>Import transcripts</source>
      <translation>Transcripten importeren</translation>
    </message>
    <message>
      <location filename="../../app/import_dialog.py" line="40" />
      <source>Add files…</source>
      <translation>Bestanden toevoegen…</translation>
    </message>
    <message>
      <location filename="../../app/import_dialog.py" line="42" />
      <source>Add folder…</source>
      <translation>Map toevoegen…</translation>
    </message>
    <message>
      <location filename="../../app/import_dialog.py" line="45" />
      <source>optional: respondents.csv or .xlsx</source>
      <translation>optioneel: respondenten.csv of .xlsx</translation>
    </message>
    <message>
      <location filename="../../app/import_dialog.py" line="46" />
      <source>Browse…</source>
      <translation>Bladeren…</translation>
    </message>
    <message>
      <location filename="../../app/import_dialog.py" line="50" />
      <source>Import</source>
      <translation>Importeren</translation>
    </message>
    <message>
      <location filename="../../app/import_dialog.py" line="54" />
      <source>Transcripts (Word, text, ODT, RTF, PDF, subtitles):</source>
      <translation>Transcripten (Word, tekst, ODT, RTF, PDF, ondertitels):</translation>
    </message>
    <message>
      <location filename="../../app/import_dialog.py" line="61" />
      <source>Attribute sheet (one row per respondent):</source>
      <translation>Attributenoverzicht (één rij per respondent):</translation>
    </message>
    <message>
      <location filename="../../app/import_dialog.py" line="77" />
      <source>Choose transcripts</source>
      <translation>Transcripten kiezen</translation>
    </message>
    <message>
      <location filename="../../app/import_dialog.py" line="78" />
      <source>Transcripts</source>
      <translation>Transcripten</translation>
    </message>
    <message>
      <location filename="../../app/import_dialog.py" line="78" />
      <source>All files</source>
      <translation>Alle bestanden</translation>
    </message>
    <message>
      <location filename="../../app/import_dialog.py" line="82" />
      <source>Choose a folder</source>
      <translation>Een map kiezen</translation>
    </message>
    <message>
      <location filename="../../app/import_dialog.py" line="87" />
      <source>Attribute sheet</source>
      <translation>Attributenoverzicht</translation>
    </message>
  </context>
  <context>
    <name>Labels</name>
    <message>
      <location filename="../../app/labels.py" line="12" />
      <source>positive</source>
      <translation>positief</translation>
    </message>
    <message>
      <location filename="../../app/labels.py" line="13" />
      <source>point of attention</source>
      <translation>aandachtspunt</translation>
    </message>
    <message>
      <location filename="../../app/labels.py" line="14" />
      <source>neutral</source>
      <translation>neutraal</translation>
    </message>
    <message>
      <location filename="../../app/labels.py" line="20" />
      <source>interviewer</source>
      <translation>interviewer</translation>
    </message>
    <message>
      <location filename="../../app/labels.py" line="21" />
      <source>respondent</source>
      <translation>respondent</translation>
    </message>
    <message>
      <location filename="../../app/labels.py" line="22" />
      <source>other</source>
      <translation>overig</translation>
    </message>
  </context>
  <context>
    <name>MainWindow</name>
    <message>
      <source>No project is open. Create one with File → New project (Ctrl+N) or open one with Ctrl+O. To look around first, start Duiding with: duiding --demo</source>
      <translation>Er is geen project geopend. Maak er een met Bestand → Nieuw project (Ctrl+N) of open er een met Ctrl+O. Eerst rondkijken? Start Duiding dan met: duiding --demo</translation>
    </message>
    <message>
      <source>Open a document from the list to start coding.</source>
      <translation>Open een document uit de lijst om te beginnen met coderen.</translation>
    </message>
    <message>
      <source>This project has no transcripts yet. Import them with File → Import transcripts, or drag the files onto this window.</source>
      <translation>Dit project heeft nog geen transcripten. Importeer ze via Bestand → Transcripten importeren, of sleep de bestanden naar dit venster.</translation>
    </message>
    <message>
      <source>Case attributes…</source>
      <translation>Casusattributen…</translation>
    </message>
    <message>
      <source>&amp;Data</source>
      <translation>&amp;Gegevens</translation>
    </message>
    <message>
      <location filename="../../app/main_window.py" line="77" />
      <source>Valence:</source>
      <translation>Waardering:</translation>
    </message>
    <message>
      <location filename="../../app/main_window.py" line="101" />
      <source>Documents</source>
      <translation>Documenten</translation>
    </message>
    <message>
      <location filename="../../app/main_window.py" line="103" />
      <source>Codes</source>
      <translation>Codes</translation>
    </message>
    <message>
      <location filename="../../app/main_window.py" line="105" />
      <source>Retrieval</source>
      <translation>Fragmenten opvragen</translation>
    </message>
    <message>
      <location filename="../../app/main_window.py" line="150" />
      <source>&amp;File</source>
      <translation>&amp;Bestand</translation>
    </message>
    <message>
      <location filename="../../app/main_window.py" line="150" />
      <source>&amp;Edit</source>
      <translation>Be&amp;werken</translation>
    </message>
    <message>
      <location filename="../../app/main_window.py" line="151" />
      <source>&amp;Coding</source>
      <translation>&amp;Coderen</translation>
    </message>
    <message>
      <location filename="../../app/main_window.py" line="151" />
      <source>&amp;Project</source>
      <translation>&amp;Project</translation>
    </message>
    <message>
      <location filename="../../app/main_window.py" line="152" />
      <source>&amp;Analysis</source>
      <translation>&amp;Analyse</translation>
    </message>
    <message>
      <location filename="../../app/main_window.py" line="152" />
      <source>&amp;View</source>
      <translation>Beel&amp;d</translation>
    </message>
    <message>
      <location filename="../../app/main_window.py" line="153" />
      <source>&amp;Help</source>
      <translation>&amp;Help</translation>
    </message>
    <message>
      <location filename="../../app/main_window.py" line="156" />
      <source>&amp;New project…</source>
      <translation>&amp;Nieuw project…</translation>
    </message>
    <message>
      <location filename="../../app/main_window.py" line="157" />
      <source>&amp;Open project…</source>
      <translation>Project &amp;openen…</translation>
    </message>
    <message>
      <location filename="../../app/main_window.py" line="159" />
      <source>Recent projects</source>
      <translation>Recente projecten</translation>
    </message>
    <message>
      <location filename="../../app/main_window.py" line="162" />
      <source>&amp;Import transcripts…</source>
      <translation>Transcripten &amp;importeren…</translation>
    </message>
    <message>
      <location filename="../../app/main_window.py" line="165" />
      <source>&amp;Close project</source>
      <translation>Project &amp;sluiten</translation>
    </message>
    <message>
      <location filename="../../app/main_window.py" line="166" />
      <source>&amp;Quit</source>
      <translation>&amp;Afsluiten</translation>
    </message>
    <message>
      <location filename="../../app/main_window.py" line="168" />
      <source>Undo</source>
      <translation>Ongedaan maken</translation>
    </message>
    <message>
      <location filename="../../app/main_window.py" line="170" />
      <source>Redo</source>
      <translation>Opnieuw</translation>
    </message>
    <message>
      <location filename="../../app/main_window.py" line="177" />
      <source>Apply selected codes</source>
      <translation>Geselecteerde codes toepassen</translation>
    </message>
    <message>
      <location filename="../../app/main_window.py" line="179" />
      <source>In-vivo code</source>
      <translation>In-vivo coderen</translation>
    </message>
    <message>
      <location filename="../../app/main_window.py" line="181" />
      <source>Switch coder…</source>
      <translation>Andere codeur…</translation>
    </message>
    <message>
      <location filename="../../app/main_window.py" line="182" />
      <source>Search in transcripts</source>
      <translation>Zoeken in transcripten</translation>
    </message>
    <message>
      <location filename="../../app/main_window.py" line="185" />
      <source>Attributes and cases…</source>
      <translation>Attributen en casussen…</translation>
    </message>
    <message>
      <location filename="../../app/main_window.py" line="186" />
      <source>Speakers of this document…</source>
      <translation>Sprekers in dit document…</translation>
    </message>
    <message>
      <location filename="../../app/main_window.py" line="192" />
      <source>Language</source>
      <translation>Taal</translation>
    </message>
    <message>
      <location filename="../../app/main_window.py" line="198" />
      <location filename="../../app/main_window.py" line="313" />
      <source>About Duiding</source>
      <translation>Over Duiding</translation>
    </message>
    <message>
      <location filename="../../app/main_window.py" line="206" />
      <source>(none)</source>
      <translation>(geen)</translation>
    </message>
    <message>
      <location filename="../../app/main_window.py" line="224" />
      <source>Project in use</source>
      <translation>Project in gebruik</translation>
    </message>
    <message>
      <location filename="../../app/main_window.py" line="225" />
      <source>“{name}” is open in another Duiding window or command. Open it read-only?</source>
      <translation>“{name}” is geopend in een ander Duiding-venster of -commando. Alleen-lezen openen?</translation>
    </message>
    <message>
      <location filename="../../app/main_window.py" line="247" />
      <source>New project</source>
      <translation>Nieuw project</translation>
    </message>
    <message>
      <location filename="../../app/main_window.py" line="248" />
      <location filename="../../app/main_window.py" line="259" />
      <source>Duiding project</source>
      <translation>Duiding-project</translation>
    </message>
    <message>
      <location filename="../../app/main_window.py" line="251" />
      <source>Youth care codebook (jeugdhulp)</source>
      <translation>Codeboek jeugdhulp</translation>
    </message>
    <message>
      <location filename="../../app/main_window.py" line="251" />
      <source>Empty codebook</source>
      <translation>Leeg codeboek</translation>
    </message>
    <message>
      <location filename="../../app/main_window.py" line="252" />
      <source>Codebook</source>
      <translation>Codeboek</translation>
    </message>
    <message>
      <location filename="../../app/main_window.py" line="253" />
      <source>Start with which codebook?</source>
      <translation>Met welk codeboek wil je beginnen?</translation>
    </message>
    <message>
      <location filename="../../app/main_window.py" line="258" />
      <source>Open project</source>
      <translation>Project openen</translation>
    </message>
    <message>
      <location filename="../../app/main_window.py" line="285" />
      <source>Coder</source>
      <translation>Codeur</translation>
    </message>
    <message>
      <location filename="../../app/main_window.py" line="286" />
      <source>Your name as coder (recorded with every coding):</source>
      <translation>Je naam als codeur (wordt bij elke codering vastgelegd):</translation>
    </message>
    <message>
      <location filename="../../app/main_window.py" line="309" />
      <source>The language changes when Duiding is started again.</source>
      <translation>De taal verandert wanneer Duiding opnieuw wordt gestart.</translation>
    </message>
    <message>
      <location filename="../../app/main_window.py" line="314" />
      <source>Duiding: a workbench for qualitative interview research.</source>
      <translation>Duiding: een werkbank voor kwalitatief interviewonderzoek.</translation>
    </message>
    <message>
      <location filename="../../app/main_window.py" line="333" />
      <source>read-only</source>
      <translation>alleen-lezen</translation>
    </message>
    <message>
      <location filename="../../app/main_window.py" line="333" />
      <source>saved</source>
      <translation>opgeslagen</translation>
    </message>
    <message>
      <location filename="../../app/main_window.py" line="334" />
      <source>coder: {name}</source>
      <translation>codeur: {name}</translation>
    </message>
    <message>
      <source>Transcript</source>
      <translation>Transcript</translation>
    </message>
    <message>
      <source>Fragments</source>
      <translation>Fragmenten</translation>
    </message>
    <message>
      <source>Open the demo project</source>
      <translation>Demo-project openen</translation>
    </message>
    <message>
      <source>Restore default layout</source>
      <translation>Standaardindeling herstellen</translation>
    </message>
    <message>
      <source>Puts every panel back where it was when Duiding was new.</source>
      <translation>Zet elk paneel terug waar het stond toen Duiding nieuw was.</translation>
    </message>
  </context>
  <context>
    <name>Manual</name>
    <message>
      <source>The manual is not part of this installation ({path}).</source>
      <translation>De handleiding zit niet in deze installatie ({path}).</translation>
    </message>
    <message>
      <source>More in the manual</source>
      <translation>Meer in de handleiding</translation>
    </message>
  </context>
  <context>
    <name>Ops</name>
    <message>
      <location filename="../../app/ops.py" line="100" />
      <source>Cancel</source>
      <translation>Annuleren</translation>
    </message>
  </context>
  <context>
    <name>Retrieval</name>
    <message>
      <location filename="../../app/retrieval.py" line="54" />
      <source>Text</source>
      <translation>Tekst</translation>
    </message>
  </context>
  <context>
    <name>RetrievalPanel</name>
    <message>
      <location filename="../../app/retrieval.py" line="195" />
      <source>Key quotes</source>
      <translation>Kernquotes</translation>
    </message>
    <message>
      <location filename="../../app/retrieval.py" line="202" />
      <source>Attribute</source>
      <translation>Attribuut</translation>
    </message>
    <message>
      <location filename="../../app/retrieval.py" line="203" />
      <source>Case</source>
      <translation>Casus</translation>
    </message>
    <message>
      <location filename="../../app/retrieval.py" line="203" />
      <source>Coder</source>
      <translation>Codeur</translation>
    </message>
    <message>
      <location filename="../../app/retrieval.py" line="204" />
      <source>Valence</source>
      <translation>Waardering</translation>
    </message>
    <message>
      <location filename="../../app/retrieval.py" line="216" />
      <source>Fragments</source>
      <translation>Fragmenten</translation>
    </message>
    <message>
      <location filename="../../app/retrieval.py" line="220" />
      <source>Search the transcripts…</source>
      <translation>Zoeken in de transcripten…</translation>
    </message>
    <message>
      <location filename="../../app/retrieval.py" line="238" />
      <source>Search</source>
      <translation>Zoeken</translation>
    </message>
    <message>
      <location filename="../../app/retrieval.py" line="252" />
      <location filename="../../app/retrieval.py" line="279" />
      <source>(all)</source>
      <translation>(alle)</translation>
    </message>
    <message numerus="yes">
      <location filename="../../app/retrieval.py" line="317" />
      <source>%n fragment(s)</source>
      <translation>
        <numerusform>%n fragment</numerusform>
        <numerusform>%n fragmenten</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <location filename="../../app/retrieval.py" line="332" />
      <source>%n hit(s)</source>
      <translation>
        <numerusform>%n treffer</numerusform>
        <numerusform>%n treffers</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>SegmentTableModel</name>
    <message>
      <location filename="../../app/retrieval.py" line="113" />
      <source>Document</source>
      <translation>Document</translation>
    </message>
    <message>
      <location filename="../../app/retrieval.py" line="113" />
      <source>Speaker</source>
      <translation>Spreker</translation>
    </message>
    <message>
      <location filename="../../app/retrieval.py" line="113" />
      <source>Codes</source>
      <translation>Codes</translation>
    </message>
    <message>
      <location filename="../../app/retrieval.py" line="113" />
      <source>Valence</source>
      <translation>Waardering</translation>
    </message>
    <message>
      <location filename="../../app/retrieval.py" line="114" />
      <source>Coder</source>
      <translation>Codeur</translation>
    </message>
    <message>
      <location filename="../../app/retrieval.py" line="114" />
      <source>Fragment</source>
      <translation>Fragment</translation>
    </message>
    <message>
      <source>Memo: {memo}</source>
      <translation>Memo: {memo}</translation>
    </message>
  </context>
  <context>
    <name>SpeakersDialog</name>
    <message>
      <location filename="../../app/attributes_dialog.py" line="191" />
      <source>Speakers in {document}</source>
      <translation>Sprekers in {document}</translation>
    </message>
    <message>
      <location filename="../../app/attributes_dialog.py" line="194" />
      <source>Speaker</source>
      <translation>Spreker</translation>
    </message>
    <message>
      <location filename="../../app/attributes_dialog.py" line="194" />
      <source>Role</source>
      <translation>Rol</translation>
    </message>
    <message>
      <location filename="../../app/attributes_dialog.py" line="195" />
      <source>Turns</source>
      <translation>Beurten</translation>
    </message>
    <message>
      <location filename="../../app/attributes_dialog.py" line="198" />
      <source>Use this role in every document</source>
      <translation>Deze rol in elk document gebruiken</translation>
    </message>
  </context>
  <context>
    <name>StartPage</name>
    <message>
      <source>New project…</source>
      <translation>Nieuw project…</translation>
    </message>
    <message>
      <source>Open project…</source>
      <translation>Project openen…</translation>
    </message>
    <message>
      <source>Open the demo project</source>
      <translation>Demo-project openen</translation>
    </message>
    <message>
      <source>Three short fictional interviews, already partly coded: look around without risk.</source>
      <translation>Drie korte verzonnen interviews, al deels gecodeerd: kijk rustig rond, er kan niets misgaan.</translation>
    </message>
    <message>
      <source>Import transcripts…</source>
      <translation>Transcripten importeren…</translation>
    </message>
    <message>
      <source>Recent projects</source>
      <translation>Recente projecten</translation>
    </message>
    <message>
      <source>Welcome to Duiding</source>
      <translation>Welkom bij Duiding</translation>
    </message>
    <message>
      <source>Start a new project for your study, open one you made before, or look around in the demo project first: three fictional interviews about youth care, partly coded.</source>
      <translation>Begin een nieuw project voor je onderzoek, open een project dat je al eerder maakte, of kijk eerst rond in het demo-project: drie verzonnen interviews over jeugdhulp, deels gecodeerd.</translation>
    </message>
    <message>
      <source>This project has no transcripts yet. Import them (Word, text, ODT, RTF, PDF or subtitle files, a whole folder at once, with a respondent sheet if you have one), or drag the files onto this window.</source>
      <translation>Dit project heeft nog geen transcripten. Importeer ze (Word, tekst, ODT, RTF, PDF of ondertitelbestanden, een hele map tegelijk, met een respondentenlijst als je die hebt), of sleep de bestanden op dit venster.</translation>
    </message>
  </context>
  <context>
    <name>StripeArea</name>
    <message>
      <location filename="../../app/stripes.py" line="209" />
      <source>Valence: {valence}</source>
      <translation>Waardering: {valence}</translation>
    </message>
    <message>
      <location filename="../../app/stripes.py" line="210" />
      <source>Coder: {coder}</source>
      <translation>Codeur: {coder}</translation>
    </message>
    <message>
      <location filename="../../app/stripes.py" line="212" />
      <source>Key quote</source>
      <translation>Kernquote</translation>
    </message>
    <message>
      <location filename="../../app/stripes.py" line="214" />
      <source>Memo: {memo}</source>
      <translation>Memo: {memo}</translation>
    </message>
  </context>
  <context>
    <name>TranscriptView</name>
    <message>
      <location filename="../../app/transcript_view.py" line="117" />
      <source>Open a document from the list to start coding.</source>
      <translation>Open een document uit de lijst om te beginnen met coderen.</translation>
    </message>
  </context>
  <context>
    <name>UndoText</name>
    <message>
      <source>Confirm pseudonyms</source>
      <translation>Pseudoniemen bevestigen</translation>
    </message>
    <message>
      <source>Withdraw consent</source>
      <translation>Toestemming intrekken</translation>
    </message>
    <message>
      <source>Import codebook</source>
      <translation>Codeboek importeren</translation>
    </message>
    <message>
      <source>Import questionnaire</source>
      <translation>Vragenlijst importeren</translation>
    </message>
    <message>
      <source>Questionnaire top box</source>
      <translation>Positieve antwoorden van een vraag</translation>
    </message>
    <message>
      <source>Link questionnaire item</source>
      <translation>Vraag aan thema koppelen</translation>
    </message>
    <message>
      <source>New group</source>
      <translation>Nieuwe groep</translation>
    </message>
    <message>
      <source>Delete group</source>
      <translation>Groep verwijderen</translation>
    </message>
    <message>
      <source>Rename group</source>
      <translation>Groep hernoemen</translation>
    </message>
    <message>
      <source>Change group</source>
      <translation>Groep wijzigen</translation>
    </message>
    <message>
      <source>Merge projects</source>
      <translation>Projecten samenvoegen</translation>
    </message>
    <message>
      <source>Matrix cell summary</source>
      <translation>Samenvatting matrixcel</translation>
    </message>
    <message>
      <source>Pseudonymise</source>
      <translation>Pseudonimiseren</translation>
    </message>
    <message>
      <source>Code all hits</source>
      <translation>Alle treffers coderen</translation>
    </message>
    <message>
      <source>Accept suggestions</source>
      <translation>Suggesties accepteren</translation>
    </message>
    <message>
      <location filename="../../app/undo.py" line="34" />
      <source>Apply code</source>
      <translation>Code toepassen</translation>
    </message>
    <message>
      <location filename="../../app/undo.py" line="35" />
      <source>Remove coding</source>
      <translation>Codering verwijderen</translation>
    </message>
    <message>
      <location filename="../../app/undo.py" line="36" />
      <source>Edit fragment</source>
      <translation>Fragment bewerken</translation>
    </message>
    <message>
      <location filename="../../app/undo.py" line="37" />
      <source>Change fragment span</source>
      <translation>Fragment aanpassen</translation>
    </message>
    <message>
      <location filename="../../app/undo.py" line="38" />
      <source>Fragment memo</source>
      <translation>Memo bij fragment</translation>
    </message>
    <message>
      <location filename="../../app/undo.py" line="39" />
      <source>Key quote</source>
      <translation>Kernquote</translation>
    </message>
    <message>
      <location filename="../../app/undo.py" line="40" />
      <source>Set valence</source>
      <translation>Waardering instellen</translation>
    </message>
    <message>
      <location filename="../../app/undo.py" line="41" />
      <source>In-vivo code</source>
      <translation>In-vivo coderen</translation>
    </message>
    <message>
      <location filename="../../app/undo.py" line="42" />
      <source>New code</source>
      <translation>Nieuwe code</translation>
    </message>
    <message>
      <location filename="../../app/undo.py" line="43" />
      <source>Add codebook</source>
      <translation>Codeboek toevoegen</translation>
    </message>
    <message>
      <location filename="../../app/undo.py" line="44" />
      <source>Edit code</source>
      <translation>Code bewerken</translation>
    </message>
    <message>
      <location filename="../../app/undo.py" line="45" />
      <source>Rename code</source>
      <translation>Naam van code wijzigen</translation>
    </message>
    <message>
      <location filename="../../app/undo.py" line="46" />
      <source>Move code</source>
      <translation>Code verplaatsen</translation>
    </message>
    <message>
      <location filename="../../app/undo.py" line="47" />
      <source>Delete code</source>
      <translation>Code verwijderen</translation>
    </message>
    <message>
      <location filename="../../app/undo.py" line="48" />
      <source>Merge codes</source>
      <translation>Codes samenvoegen</translation>
    </message>
    <message>
      <location filename="../../app/undo.py" line="49" />
      <source>Import documents</source>
      <translation>Documenten importeren</translation>
    </message>
    <message>
      <location filename="../../app/undo.py" line="50" />
      <source>Delete documents</source>
      <translation>Documenten verwijderen</translation>
    </message>
    <message>
      <location filename="../../app/undo.py" line="51" />
      <source>Rename document</source>
      <translation>Naam van document wijzigen</translation>
    </message>
    <message>
      <location filename="../../app/undo.py" line="52" />
      <source>Set attribute</source>
      <translation>Attribuut instellen</translation>
    </message>
    <message>
      <location filename="../../app/undo.py" line="53" />
      <source>Assign case</source>
      <translation>Casus toewijzen</translation>
    </message>
    <message>
      <source>Set case attribute</source>
      <translation>Casusattribuut instellen</translation>
    </message>
    <message>
      <source>Rename case</source>
      <translation>Casus hernoemen</translation>
    </message>
    <message>
      <location filename="../../app/undo.py" line="54" />
      <source>Memo</source>
      <translation>Memo</translation>
    </message>
    <message>
      <location filename="../../app/undo.py" line="55" />
      <source>Edit speaker</source>
      <translation>Spreker bewerken</translation>
    </message>
    <message>
      <location filename="../../app/undo.py" line="56" />
      <source>Set speaker role everywhere</source>
      <translation>Sprekersrol overal instellen</translation>
    </message>
    <message>
      <location filename="../../app/undo.py" line="58" />
      <source>Change</source>
      <translation>Wijziging</translation>
    </message>
  </context>
  <context>
    <name>CodingArea</name>
    <message>
      <source>{n} words</source>
      <translation>{n} woorden</translation>
    </message>
    <message>
      <source>The memo on this document</source>
      <translation>Het memo bij dit document</translation>
    </message>
    <message>
      <source>Show other coders</source>
      <translation>Andere codeurs tonen</translation>
    </message>
    <message>
      <source>Memo: {name}</source>
      <translation>Memo: {name}</translation>
    </message>
    <message>
      <source>Memo</source>
      <translation>Memo</translation>
    </message>
    <message>
      <source>Off: only your own codings are shown (blind coding, before you compare with another coder).</source>
      <translation>Uit: je ziet alleen je eigen coderingen (blind coderen, voordat je met een andere codeur vergelijkt).</translation>
    </message>
  </context>
</TS>