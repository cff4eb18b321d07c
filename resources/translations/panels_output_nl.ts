<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nl_NL" sourcelanguage="en">
<context>
    <name>AgreementModel</name>
    <message>
        <source>All codes together</source>
        <translation>Alle codes samen</translation>
    </message>
    <message>
        <source>Average per code</source>
        <translation>Gemiddelde per code</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>characters</source>
        <translation>tekens</translation>
    </message>
    <message>
        <source>segments</source>
        <translation>segmenten</translation>
    </message>
    <message>
        <source>units</source>
        <translation>eenheden</translation>
    </message>
    <message>
        <source>% agreement</source>
        <translation>% overeenstemming</translation>
    </message>
    <message>
        <source>kappa</source>
        <translation>kappa</translation>
    </message>
    <message>
        <source>alpha</source>
        <translation>alfa</translation>
    </message>
    <message>
        <source>Character level: every character of the documents both coded</source>
        <translation>Tekenniveau: elk teken van de documenten die beide codeurs codeerden</translation>
    </message>
    <message>
        <source>Segment level: fragments matched by overlap (two coders only)</source>
        <translation>Segmentniveau: fragmenten gekoppeld op overlap (alleen bij twee codeurs)</translation>
    </message>
</context>
<context>
    <name>AgreementView</name>
    <message>
        <source>Segment level: how much two fragments must overlap to count as the same (0.5 = half)</source>
        <translation>Segmentniveau: hoeveel twee fragmenten moeten overlappen om als hetzelfde te tellen (0,5 = de helft)</translation>
    </message>
    <message>
        <source>Compute</source>
        <translation>Berekenen</translation>
    </message>
    <message>
        <source>Choose two or more coders and press Compute.</source>
        <translation>Kies twee of meer codeurs en klik op Berekenen.</translation>
    </message>
    <message>
        <source>Figures</source>
        <translation>Cijfers</translation>
    </message>
    <message>
        <source>Disagreements side by side</source>
        <translation>Verschillen naast elkaar</translation>
    </message>
    <message>
        <source>Coders</source>
        <translation>Codeurs</translation>
    </message>
    <message>
        <source>Minimal overlap</source>
        <translation>Minimale overlap</translation>
    </message>
    <message>
        <source>Choose at least two coders.</source>
        <translation>Kies minstens twee codeurs.</translation>
    </message>
    <message>
        <source>Computing…</source>
        <translation>Bezig met berekenen…</translation>
    </message>
    <message>
        <source>These coders have no document in common.</source>
        <translation>Deze codeurs hebben geen document gemeenschappelijk.</translation>
    </message>
    <message>
        <source>{coders}: {n} document(s) coded by all.</source>
        <translation>{coders}: {n} document(en) door allen gecodeerd.</translation>
    </message>
    <message>
        <source>Intercoder agreement</source>
        <translation>Overeenstemming tussen codeurs</translation>
    </message>
        <message>
            <source>Do two coders give the same codes to the same text? A second coder comes about when a fellow student codes the same transcripts in a copy of the project under their own name, and you bring that copy in with File → Merge projects. Kappa (characters) compares, character by character, what each coder coded with a code, corrected for chance: 1 is full agreement, 0 no better than chance; from 0.6 it is usually called good.</source>
            <translation>Geven twee codeurs dezelfde codes aan dezelfde tekst? Een tweede codeur krijg je als een medestudent dezelfde transcripten codeert in een kopie van het project, onder een eigen naam, en jij die kopie binnenhaalt met Bestand → Projecten samenvoegen. Kappa (tekens) vergelijkt teken voor teken wat elke codeur met een code heeft gecodeerd, gecorrigeerd voor toeval: 1 is volledige overeenstemming, 0 niet beter dan toeval; vanaf 0,6 heet het meestal goed.</translation>
        </message>
        <message>
            <source>Tick two or more coders and press Compute.</source>
            <translation>Vink twee of meer codeurs aan en klik op Berekenen.</translation>
        </message>
        <message>
            <source>So far only {name} has coded in this project. A second coder codes the same transcripts in a copy of this project under their own name (Coding → Switch coder…); then bring that copy in with File → Merge projects.</source>
            <translation>Tot nu toe heeft alleen {name} in dit project gecodeerd. Een tweede codeur codeert dezelfde transcripten in een kopie van dit project onder een eigen naam (Coderen → Andere codeur…); haal die kopie daarna binnen met Bestand → Projecten samenvoegen.</translation>
        </message>
        <message>
            <source>Nobody has coded in this project yet.</source>
            <translation>In dit project heeft nog niemand gecodeerd.</translation>
        </message>
        <message numerus="yes">
            <source>{coders}: %n document(s) coded by all.</source>
            <translation>
                <numerusform>{coders}: %n document door allen gecodeerd.</numerusform>
                <numerusform>{coders}: %n documenten door allen gecodeerd.</numerusform>
            </translation>
        </message>
</context>
<context>
    <name>CodeChooser</name>
    <message>
        <source>Choose codes</source>
        <translation>Codes kiezen</translation>
    </message>
    <message>
        <source>Themes only</source>
        <translation>Alleen thema's</translation>
    </message>
    <message>
        <source>All codes</source>
        <translation>Alle codes</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Geen</translation>
    </message>
</context>
<context>
    <name>ComparisonModel</name>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>fragments</source>
        <translation>fragmenten</translation>
    </message>
    <message>
        <source>respondents</source>
        <translation>respondenten</translation>
    </message>
    <message>
        <source>{value} (n={n})
{what}</source>
        <translation>{value} (n={n})
{what}</translation>
    </message>
</context>
<context>
    <name>ComparisonView</name>
    <message>
        <source>Click a number to see the fragments behind it.</source>
        <translation>Klik op een getal om de fragmenten erachter te zien.</translation>
    </message>
    <message>
        <source>Attribute</source>
        <translation>Kenmerk</translation>
    </message>
    <message>
        <source>compare</source>
        <translation>vergelijk</translation>
    </message>
    <message>
        <source>with</source>
        <translation>met</translation>
    </message>
    <message>
        <source>Compare measurements</source>
        <translation>Metingen vergelijken</translation>
    </message>
        <message>
            <source>Two groups side by side, for example measurement 2023 against 2024: for each code how many respondents in each group raised it. Click a number to read the fragments.</source>
            <translation>Twee groepen naast elkaar, bijvoorbeeld meting 2023 tegenover 2024: per code hoeveel respondenten in elke groep het noemden. Klik op een getal om de fragmenten te lezen.</translation>
        </message>
</context>
<context>
    <name>CooccurrenceModel</name>
    <message>
        <source>{code}: {n} fragment(s) in total</source>
        <translation>{code}: {n} fragment(en) in totaal</translation>
    </message>
    <message>
        <source>{a} and {b}: {n}</source>
        <translation>{a} en {b}: {n}</translation>
    </message>
        <message numerus="yes">
            <source>{code}: %n fragment(s) in total</source>
            <translation>
                <numerusform>{code}: %n fragment in totaal</numerusform>
                <numerusform>{code}: %n fragmenten in totaal</numerusform>
            </translation>
        </message>
</context>
<context>
    <name>CooccurrenceView</name>
    <message>
        <source>Overlapping fragments</source>
        <translation>Overlappende fragmenten</translation>
    </message>
    <message>
        <source>Same speaker turn</source>
        <translation>Zelfde spreekbeurt</translation>
    </message>
    <message>
        <source>Codes…</source>
        <translation>Codes…</translation>
    </message>
    <message>
        <source>Select a cell to see the fragments where both codes occur.</source>
        <translation>Kies een cel om de fragmenten te zien waarin beide codes voorkomen.</translation>
    </message>
    <message>
        <source>Co-occurrence</source>
        <translation>Samen voorkomen</translation>
    </message>
    <message>
        <source>Coder</source>
        <translation>Codeur</translation>
    </message>
    <message>
        <source>All coders</source>
        <translation>Alle codeurs</translation>
    </message>
    <message>
        <source>{code}: {n} fragment(s) in total.</source>
        <translation>{code}: {n} fragment(en) in totaal.</translation>
    </message>
    <message>
        <source>{a} and {b}: {n}</source>
        <translation>{a} en {b}: {n}</translation>
    </message>
    <message>
        <source>Co-occurrence of codes</source>
        <translation>Samen voorkomen van codes</translation>
    </message>
        <message>
            <source>How often two codes were given to the same passage (overlapping fragments) or occur in the same speaker turn. A 0 means the two never meet; high numbers show themes that go together. Click a cell to read those passages.</source>
            <translation>Hoe vaak twee codes aan dezelfde passage zijn gegeven (overlappende fragmenten) of in dezelfde spreekbeurt voorkomen. Een 0 betekent dat ze elkaar nooit tegenkomen; hoge getallen tonen thema's die samengaan. Klik op een cel om die passages te lezen.</translation>
        </message>
        <message>
            <source>No two of these codes meet yet: every cell outside the grey diagonal is 0. A cell fills when one passage is coded with both codes (or, per turn, when one speaker turn has both).</source>
            <translation>Nog geen twee van deze codes komen samen voor: elke cel buiten de grijze diagonaal is 0. Een cel vult zich zodra één passage met beide codes is gecodeerd (of, per beurt, zodra één spreekbeurt beide heeft).</translation>
        </message>
        <message numerus="yes">
            <source>{code}: %n fragment(s) in total.</source>
            <translation>
                <numerusform>{code}: %n fragment in totaal.</numerusform>
                <numerusform>{code}: %n fragmenten in totaal.</numerusform>
            </translation>
        </message>
</context>
<context>
    <name>CountsModel</name>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Fragments</source>
        <translation>Fragmenten</translation>
    </message>
    <message>
        <source>Respondents</source>
        <translation>Respondenten</translation>
    </message>
    <message>
        <source>{value} (n={n})</source>
        <translation>{value} (n={n})</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(geen)</translation>
    </message>
    <message>
        <source>Fragments per value</source>
        <translation>Fragmenten per waarde</translation>
    </message>
    <message>
        <source>Respondents per value</source>
        <translation>Respondenten per waarde</translation>
    </message>
</context>
<context>
    <name>CountsView</name>
    <message>
        <source>Fragments</source>
        <translation>Fragmenten</translation>
    </message>
    <message>
        <source>Respondents</source>
        <translation>Respondenten</translation>
    </message>
    <message>
        <source>Sub-themes in the chart</source>
        <translation>Subthema’s in de grafiek</translation>
    </message>
    <message>
        <source>No coded fragments yet.</source>
        <translation>Nog geen gecodeerde fragmenten.</translation>
    </message>
    <message>
        <source>Split by</source>
        <translation>Uitsplitsen naar</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>Tellen</translation>
    </message>
    <message>
        <source>Coder</source>
        <translation>Codeur</translation>
    </message>
    <message>
        <source>Valence</source>
        <translation>Waardering</translation>
    </message>
    <message>
        <source>All coders</source>
        <translation>Alle codeurs</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(geen)</translation>
    </message>
    <message>
        <source>Counts per code</source>
        <translation>Tellingen per code</translation>
    </message>
        <message>
            <source>How many fragments and how many respondents each code has, split by valence or by an attribute such as respondent type. Click a number to read its fragments.</source>
            <translation>Hoeveel fragmenten en hoeveel respondenten elke code heeft, uitgesplitst naar waardering of naar een attribuut zoals type respondent. Klik op een getal om de fragmenten te lezen.</translation>
        </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Append the framework matrix with its cell summaries (per case)</source>
        <translation>Framework-matrix met de samenvattingen per cel als bijlage toevoegen (per casus)</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exporteren</translation>
    </message>
    <message>
        <source>Findings chapter in Word (.docx)</source>
        <translation>Bevindingenhoofdstuk in Word (.docx)</translation>
    </message>
    <message>
        <source>Fragments in Excel (.xlsx)</source>
        <translation>Fragmenten in Excel (.xlsx)</translation>
    </message>
    <message>
        <source>Fragments as CSV for Excel (.csv)</source>
        <translation>Fragmenten als CSV voor Excel (.csv)</translation>
    </message>
    <message>
        <source>REFI-QDA project for other tools (.qdpx)</source>
        <translation>REFI-QDA-project voor andere programma’s (.qdpx)</translation>
    </message>
    <message>
        <source>Codebook as REFI-QDA (.qdc)</source>
        <translation>Codeboek als REFI-QDA (.qdc)</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Bestand</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Kiezen…</translation>
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
        <source>(one file)</source>
        <translation>(één bestand)</translation>
    </message>
    <message>
        <source>Leave out fragments in interviewer turns</source>
        <translation>Fragmenten in beurten van de interviewer weglaten</translation>
    </message>
    <message>
        <source>Only documents with</source>
        <translation>Alleen documenten met</translation>
    </message>
    <message>
        <source>One file per value of</source>
        <translation>Eén bestand per waarde van</translation>
    </message>
    <message>
        <source>Themes</source>
        <translation>Thema's</translation>
    </message>
    <message>
        <source>show every count</source>
        <translation>alle aantallen tonen</translation>
    </message>
    <message>
        <source>Privacy: numbers of respondents below this value appear as “&lt; N”.</source>
        <translation>Privacy: aantallen respondenten onder deze waarde verschijnen als “&lt; N”.</translation>
    </message>
    <message>
        <source>Placeholders: {names}</source>
        <translation>Invulvelden: {names}</translation>
    </message>
    <message>
        <source>(no comparison)</source>
        <translation>(geen vergelijking)</translation>
    </message>
    <message>
        <source>built-in layout</source>
        <translation>ingebouwde opmaak</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Quotes per theme (at most)</source>
        <translation>Citaten per thema (hoogstens)</translation>
    </message>
    <message>
        <source>Hide counts below</source>
        <translation>Aantallen verbergen onder</translation>
    </message>
    <message>
        <source>Quote attribution</source>
        <translation>Bronvermelding bij citaten</translation>
    </message>
    <message>
        <source>Compare by</source>
        <translation>Vergelijken op</translation>
    </message>
    <message>
        <source>Values to compare</source>
        <translation>Te vergelijken waarden</translation>
    </message>
    <message>
        <source>Word template (.docx/.dotx)</source>
        <translation>Word-sjabloon (.docx/.dotx)</translation>
    </message>
    <message>
        <source>Selection</source>
        <translation>Selectie</translation>
    </message>
    <message>
        <source>Chapter</source>
        <translation>Hoofdstuk</translation>
    </message>
    <message>
        <source>The whole project is exported: documents, codes, coded fragments, coders, attributes, cases and memos.</source>
        <translation>Het hele project wordt geëxporteerd: documenten, codes, gecodeerde fragmenten, codeurs, kenmerken, casussen en memo's.</translation>
    </message>
    <message>
        <source>export</source>
        <translation>export</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>Map</translation>
    </message>
    <message>
        <source>Folder for the files</source>
        <translation>Map voor de bestanden</translation>
    </message>
    <message>
        <source>Export to</source>
        <translation>Exporteren naar</translation>
    </message>
    <message>
        <source>Word template</source>
        <translation>Word-sjabloon</translation>
    </message>
    <message>
        <source>Word documents (*.docx *.dotx)</source>
        <translation>Word-documenten (*.docx *.dotx)</translation>
    </message>
    <message>
        <source>Choose where to write the export.</source>
        <translation>Kies waar de export moet komen.</translation>
    </message>
    <message>
        <source>The Word template was not found: {path}</source>
        <translation>Het Word-sjabloon is niet gevonden: {path}</translation>
    </message>
    <message>
        <source>Choose at least one theme.</source>
        <translation>Kies minstens één thema.</translation>
    </message>
    <message>
        <source>The export is ready.</source>
        <translation>De export is klaar.</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Bezig met exporteren…</translation>
    </message>
    <message>
        <source>Open a project first.</source>
        <translation>Open eerst een project.</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exporteren…</translation>
    </message>
</context>
<context>
    <name>FragmentModel</name>
    <message>
        <source>Document</source>
        <translation>Document</translation>
    </message>
    <message>
        <source>Speaker</source>
        <translation>Spreker</translation>
    </message>
    <message>
        <source>Coder</source>
        <translation>Codeur</translation>
    </message>
    <message>
        <source>Codes</source>
        <translation>Codes</translation>
    </message>
    <message>
        <source>Fragment</source>
        <translation>Fragment</translation>
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
    <name>MatrixModel</name>
    <message>
        <source>(none)</source>
        <translation>(geen)</translation>
    </message>
</context>
<context>
    <name>MatrixView</name>
    <message>
        <source>Codes…</source>
        <translation>Codes…</translation>
    </message>
    <message>
        <source>Export to Excel…</source>
        <translation>Exporteren naar Excel…</translation>
    </message>
    <message>
        <source>Export to Word…</source>
        <translation>Exporteren naar Word…</translation>
    </message>
    <message>
        <source>Select a cell to see its fragments and summary.</source>
        <translation>Kies een cel om de fragmenten en de samenvatting te zien.</translation>
    </message>
    <message>
        <source>Summary of this cell in your own words</source>
        <translation>Samenvatting van deze cel in je eigen woorden</translation>
    </message>
    <message>
        <source>Save summary</source>
        <translation>Samenvatting opslaan</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>Rijen</translation>
    </message>
    <message>
        <source>Coder</source>
        <translation>Codeur</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>Documenten</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>Casussen</translation>
    </message>
    <message>
        <source>Values of “{name}”</source>
        <translation>Waarden van “{name}”</translation>
    </message>
    <message>
        <source>All coders</source>
        <translation>Alle codeurs</translation>
    </message>
    <message>
        <source>{row} × {code}: {n} fragment(s)</source>
        <translation>{row} × {code}: {n} fragment(en)</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(geen)</translation>
    </message>
    <message>
        <source>Export matrix</source>
        <translation>Matrix exporteren</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel-werkmap (*.xlsx)</translation>
    </message>
    <message>
        <source>Word document (*.docx)</source>
        <translation>Word-document (*.docx)</translation>
    </message>
    <message>
        <source>Exporting the matrix…</source>
        <translation>Matrix wordt geëxporteerd…</translation>
    </message>
    <message>
        <source>The matrix was exported.</source>
        <translation>De matrix is geëxporteerd.</translation>
    </message>
    <message>
        <source>Framework matrix</source>
        <translation>Framework-matrix</translation>
    </message>
        <message>
            <source>Documents, cases or groups as rows and codes as columns: each cell counts the coded fragments. Click a cell to read them and write a short summary of the cell.</source>
            <translation>Documenten, casussen of groepen als rijen en codes als kolommen: elke cel telt de gecodeerde fragmenten. Klik op een cel om ze te lezen en schrijf een korte samenvatting van de cel.</translation>
        </message>
        <message numerus="yes">
            <source>{row} × {code}: %n fragment(s)</source>
            <translation>
                <numerusform>{row} × {code}: %n fragment</numerusform>
                <numerusform>{row} × {code}: %n fragmenten</numerusform>
            </translation>
        </message>
</context>
<context>
    <name>MergeDialog</name>
    <message>
        <source>Merged from</source>
        <translation>Samengevoegd uit</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>Documenten</translation>
    </message>
    <message>
        <source>{new} new, {known} already present</source>
        <translation>{new} nieuw, {known} al aanwezig</translation>
    </message>
    <message>
        <source>Codes</source>
        <translation>Codes</translation>
    </message>
    <message>
        <source>Coders</source>
        <translation>Codeurs</translation>
    </message>
    <message>
        <source>Coded fragments</source>
        <translation>Gecodeerde fragmenten</translation>
    </message>
    <message>
        <source>{new} new, {codes} codes added to existing fragments, {same} already present</source>
        <translation>{new} nieuw, {codes} codes toegevoegd aan bestaande fragmenten, {same} al aanwezig</translation>
    </message>
    <message>
        <source>Memos</source>
        <translation>Memo's</translation>
    </message>
    <message>
        <source>Matrix summaries</source>
        <translation>Samenvattingen in de matrix</translation>
    </message>
    <message>
        <source>New codes:</source>
        <translation>Nieuwe codes:</translation>
    </message>
    <message>
        <source>New documents:</source>
        <translation>Nieuwe documenten:</translation>
    </message>
    <message>
        <source>Nothing new: everything in these projects was already here.</source>
        <translation>Niets nieuws: alles uit deze projecten was er al.</translation>
    </message>
    <message>
        <source>Merge projects</source>
        <translation>Projecten samenvoegen</translation>
    </message>
    <message>
        <source>Bring in the documents, codes, coded fragments and memos of other Duiding projects of the same study. Documents are recognised by their content, codes by their path; for codes without a match you choose the target code on the next page. Each coder's work stays under their own name. Undo takes the whole merge back.</source>
        <translation>Haal de documenten, codes, gecodeerde fragmenten en memo's binnen uit andere Duiding-projecten van hetzelfde onderzoek. Documenten worden herkend aan hun inhoud, codes aan hun pad; voor codes zonder overeenkomst kiest u op de volgende pagina de doelcode. Het werk van elke codeur blijft op diens eigen naam. Ongedaan maken draait het hele samenvoegen terug.</translation>
    </message>
    <message>
        <source>Add projects…</source>
        <translation>Projecten toevoegen…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Verwijderen</translation>
    </message>
    <message>
        <source>Merge</source>
        <translation>Samenvoegen</translation>
    </message>
    <message>
        <source>Projects to merge</source>
        <translation>Samen te voegen projecten</translation>
    </message>
    <message>
        <source>Duiding projects (*.duiding)</source>
        <translation>Duiding-projecten (*.duiding)</translation>
    </message>
    <message>
        <source>The project is open read-only.</source>
        <translation>Het project is alleen-lezen geopend.</translation>
    </message>
    <message>
        <source>Merge projects: {files}</source>
        <translation>Projecten samenvoegen: {files}</translation>
    </message>
    <message>
        <source>Merging projects…</source>
        <translation>Projecten worden samengevoegd…</translation>
    </message>
    <message>
        <source>Merge projects…</source>
        <translation>Projecten samenvoegen…</translation>
    </message>
    <message>
        <source>Open a project first.</source>
        <translation>Open eerst een project.</translation>
    </message>
    <message>
        <source>Mapped codes</source>
        <translation>Gekoppelde codes</translation>
    </message>
    <message>
        <source>{codes} codes onto existing codes, {codings} codings</source>
        <translation>{codes} codes op bestaande codes, {codings} coderingen</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Terug</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Volgende</translation>
    </message>
    <message>
        <source>These codes of the other projects have no code with the same path here. Choose where their coded fragments go: onto an existing code, or into a new code.</source>
        <translation>Deze codes uit de andere projecten hebben hier geen code met hetzelfde pad. Kies waar hun gecodeerde fragmenten heen gaan: naar een bestaande code, of naar een nieuwe code.</translation>
    </message>
</context>
<context>
    <name>MappingTable</name>
    <message>
        <source>Code in other project</source>
        <translation>Code in ander project</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>Project</translation>
    </message>
    <message>
        <source>Fragments</source>
        <translation>Fragmenten</translation>
    </message>
    <message>
        <source>Target code</source>
        <translation>Doelcode</translation>
    </message>
    <message>
        <source>Create new code</source>
        <translation>Nieuwe code maken</translation>
    </message>
    <message>
        <source>Suggested: where an earlier merge put these fragments</source>
        <translation>Voorstel: waar een eerdere samenvoeging deze fragmenten onderbracht</translation>
    </message>
    <message>
        <source>Suggested: a code with the same name</source>
        <translation>Voorstel: een code met dezelfde naam</translation>
    </message>
    <message>
        <source>Suggested: a code with a similar name ({percent}%)</source>
        <translation>Voorstel: een code met een vergelijkbare naam ({percent}%)</translation>
    </message>
    <message>
        <source>No code with a similar name here</source>
        <translation>Hier geen code met een vergelijkbare naam</translation>
    </message>
</context>
<context>
    <name>OutputPanels</name>
    <message>
        <source>Export refused: the text still contains original names.</source>
        <translation>Export geweigerd: de tekst bevat nog oorspronkelijke namen.</translation>
    </message>
    <message>
        <source>{n} place(s) still contain a name from the pseudonym key. Pseudonymise the transcripts (or remove the name from the codebook, memos and summaries) and export again. Nothing was written.</source>
        <translation>Op {n} plaats(en) staat nog een naam uit de pseudoniemensleutel. Pseudonimiseer de transcripten (of haal de naam uit het codeboek, de memo's en de samenvattingen) en exporteer opnieuw. Er is niets geschreven.</translation>
    </message>
    <message>
        <source>The Word template cannot be used.</source>
        <translation>Het Word-sjabloon kan niet worden gebruikt.</translation>
    </message>
    <message>
        <source>The export was cancelled.</source>
        <translation>De export is geannuleerd.</translation>
    </message>
    <message>
        <source>Files finished before cancelling were kept.</source>
        <translation>Bestanden die vóór het annuleren klaar waren, zijn bewaard.</translation>
    </message>
    <message>
        <source>The REFI-QDA file does not pass the standard's validation (XSD). Nothing was written.</source>
        <translation>Het REFI-QDA-bestand voldoet niet aan de controle van de standaard (XSD). Er is niets geschreven.</translation>
    </message>
    <message>
        <source>The codebook is empty: there is nothing to export.</source>
        <translation>Het codeboek is leeg: er is niets te exporteren.</translation>
    </message>
    <message>
        <source>The project cannot be written as REFI-QDA. Nothing was written.</source>
        <translation>Het project kan niet als REFI-QDA worden geschreven. Er is niets geschreven.</translation>
    </message>
    <message>
        <source>The file could not be written. Is it open in Word or Excel?</source>
        <translation>Het bestand kon niet worden geschreven. Is het geopend in Word of Excel?</translation>
    </message>
    <message>
        <source>… and {n} more</source>
        <translation>… en nog {n}</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Openen</translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation>Map openen</translation>
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
        <source>sources</source>
        <translation>bronnen</translation>
    </message>
    <message>
        <source>notes</source>
        <translation>notities</translation>
    </message>
    <message>
        <source>sets</source>
        <translation>sets</translation>
    </message>
    <message>
        <source>variables</source>
        <translation>variabelen</translation>
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
        <source>what it belongs to was not imported</source>
        <translation>waar het bij hoort, is niet geïmporteerd</translation>
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
        <source>Positions read as: {unit}</source>
        <translation>Posities gelezen als: {unit}</translation>
    </message>
    <message>
        <source>Not imported</source>
        <translation>Niet geïmporteerd</translation>
    </message>
    <message>
        <source>… and {n} more</source>
        <translation>… en nog {n}</translation>
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
<context>
    <name>SideBySide</name>
    <message>
        <source>Document</source>
        <translation>Document</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>Links</translation>
    </message>
    <message>
        <source>Right</source>
        <translation>Rechts</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>&lt;span style='background:{d}'&gt;&amp;nbsp;coded only by this coder&amp;nbsp;&lt;/span&gt; &amp;nbsp; &lt;span style='background:{a}'&gt;&amp;nbsp;coded by both&amp;nbsp;&lt;/span&gt; &amp;nbsp; &lt;u&gt;underlined&lt;/u&gt;: coded only by the other coder</source>
        <translation>&lt;span style='background:{d}'&gt;&amp;nbsp;alleen door deze codeur gecodeerd&amp;nbsp;&lt;/span&gt; &amp;nbsp; &lt;span style='background:{a}'&gt;&amp;nbsp;door beiden gecodeerd&amp;nbsp;&lt;/span&gt; &amp;nbsp; &lt;u&gt;onderstreept&lt;/u&gt;: alleen door de andere codeur gecodeerd</translation>
    </message>
    <message>
        <source>All codes</source>
        <translation>Alle codes</translation>
    </message>
    <message>
        <source>{code} — only {who}: “{words}”</source>
        <translation>{code} — alleen {who}: “{words}”</translation>
    </message>
    <message>
        <source>&lt;b&gt;{coder}&lt;/b&gt;</source>
        <translation>&lt;b&gt;{coder}&lt;/b&gt;</translation>
    </message>
</context>
</TS>
