<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nl_NL" sourcelanguage="en">
<context>
    <name>CodeHitsDialog</name>
    <message>
        <source>Code all hits</source>
        <translation>Alle treffers coderen</translation>
    </message>
    <message>
        <source>Code:</source>
        <translation>Code:</translation>
    </message>
    <message>
        <source>Extent:</source>
        <translation>Omvang:</translation>
    </message>
    <message>
        <source>Hits:</source>
        <translation>Treffers:</translation>
    </message>
    <message>
        <source>This is one step: Edit → Undo removes all these codings at once.</source>
        <translation>Dit is één stap: Bewerken → Ongedaan maken verwijdert al deze coderingen in één keer.</translation>
    </message>
    <message>
        <source>Valence:</source>
        <translation>Waardering:</translation>
    </message>
    <message numerus="yes">
        <source>all %n hits</source>
        <translation>
            <numerusform>de %n treffer</numerusform>
            <numerusform>alle %n treffers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>only the %n selected hits</source>
        <translation>
            <numerusform>alleen de %n geselecteerde treffer</numerusform>
            <numerusform>alleen de %n geselecteerde treffers</numerusform>
        </translation>
    </message>
    <message>
        <source>only the matching words</source>
        <translation>alleen de gevonden woorden</translation>
    </message>
    <message>
        <source>the whole sentence</source>
        <translation>de hele zin</translation>
    </message>
</context>
<context>
    <name>EntityModel</name>
    <message>
        <source>Mentions</source>
        <translation>Vermeldingen</translation>
    </message>
    <message>
        <source>Original</source>
        <translation>Origineel</translation>
    </message>
    <message>
        <source>Replacement</source>
        <translation>Vervanging</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Soort</translation>
    </message>
    <message>
        <source>Variants</source>
        <translation>Varianten</translation>
    </message>
    <message>
        <source>age</source>
        <translation>leeftijd</translation>
    </message>
    <message>
        <source>date</source>
        <translation>datum</translation>
    </message>
    <message>
        <source>e-mail address</source>
        <translation>e-mailadres</translation>
    </message>
    <message>
        <source>keep original</source>
        <translation>origineel laten staan</translation>
    </message>
    <message>
        <source>organisation</source>
        <translation>organisatie</translation>
    </message>
    <message>
        <source>other</source>
        <translation>overig</translation>
    </message>
    <message>
        <source>person</source>
        <translation>persoon</translation>
    </message>
    <message>
        <source>phone number</source>
        <translation>telefoonnummer</translation>
    </message>
    <message>
        <source>place</source>
        <translation>plaats</translation>
    </message>
    <message>
        <source>replace</source>
        <translation>vervangen</translation>
    </message>
    <message>
        <source>school</source>
        <translation>school</translation>
    </message>
    <message>
        <source>street</source>
        <translation>straat</translation>
    </message>
</context>
<context>
    <name>HitModel</name>
    <message>
        <source>After</source>
        <translation>Erna</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>Ervoor</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Document</translation>
    </message>
    <message>
        <source>Match</source>
        <translation>Treffer</translation>
    </message>
    <message>
        <source>Speaker</source>
        <translation>Spreker</translation>
    </message>
</context>
<context>
    <name>PipelineLabel</name>
    <message>
        <source>Dutch language pipeline used for lemma search and suggestions. The spaCy model nl_core_news_sm is used when it is installed; otherwise the blank Dutch pipeline with a sentence splitter. Lemmas always come from simplemma.</source>
        <translation>Nederlandse taalverwerking voor zoeken op woordvormen en voor suggesties. Het spaCy-model nl_core_news_sm wordt gebruikt als het geïnstalleerd is; anders de lege Nederlandse pipeline met een zinssplitser. Lemma’s komen altijd uit simplemma.</translation>
    </message>
    <message>
        <source>Language model: %1</source>
        <translation>Taalmodel: %1</translation>
    </message>
</context>
<context>
    <name>PseudonymiseDialog</name>
    <message numerus="yes">
        <source>%n entities found</source>
        <translation>
            <numerusform>%n gegeven gevonden</numerusform>
            <numerusform>%n gegevens gevonden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n mention(s). Uncheck what must stay, edit replacements, then Apply.</source>
        <translation>
            <numerusform>%n vermelding. Vink uit wat moet blijven staan, pas vervangingen aan en klik op Toepassen.</numerusform>
            <numerusform>%n vermeldingen. Vink uit wat moet blijven staan, pas vervangingen aan en klik op Toepassen.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n name(s) added to the list.</source>
        <translation>
            <numerusform>%n naam toegevoegd aan de lijst.</numerusform>
            <numerusform>%n namen toegevoegd aan de lijst.</numerusform>
        </translation>
    </message>
    <message>
        <source>A text file with one name per line, or a CSV/Excel sheet saved as CSV with a column 'naam'.</source>
        <translation>Een tekstbestand met één naam per regel, of een CSV-bestand (ook uit Excel) met een kolom 'naam'.</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Toevoegen</translation>
    </message>
    <message>
        <source>Add the names you know, then click Detect.</source>
        <translation>Voeg de namen toe die u kent en klik dan op Detecteren.</translation>
    </message>
    <message>
        <source>After confirming, the replacement can no longer be undone, and the undo history so far is cleared.</source>
        <translation>Na bevestigen kan de vervanging niet meer ongedaan worden gemaakt, en wordt de geschiedenis voor Ongedaan maken gewist.</translation>
    </message>
    <message numerus="yes">
        <source>Applied to %n entities. You can still undo it (Edit → Undo) until you click Confirm.</source>
        <translation>
            <numerusform>Toegepast op %n gegeven. U kunt het nog terugdraaien (Bewerken → Ongedaan maken) tot u op Bevestigen klikt.</numerusform>
            <numerusform>Toegepast op %n gegevens. U kunt het nog terugdraaien (Bewerken → Ongedaan maken) tot u op Bevestigen klikt.</numerusform>
        </translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Toepassen</translation>
    </message>
    <message>
        <source>Apply replaces the checked entities in every document; every coding keeps covering the same words. Until you click Confirm you can undo it with Edit → Undo. After Confirm it is final. The key (original ↔ replacement) stays in the project and is never exported.</source>
        <translation>Toepassen vervangt de aangevinkte gegevens in alle documenten; elke codering blijft dezelfde woorden omvatten. Tot u op Bevestigen klikt, kunt u het terugdraaien met Bewerken → Ongedaan maken. Na Bevestigen is het definitief. De sleutel (origineel ↔ vervanging) blijft in het project en wordt nooit geëxporteerd.</translation>
    </message>
    <message>
        <source>Applying…</source>
        <translation>Bezig met toepassen…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Sluiten</translation>
    </message>
    <message>
        <source>Confirm pseudonymisation</source>
        <translation>Pseudonimisering bevestigen</translation>
    </message>
    <message numerus="yes">
        <source>Confirmed: %n replacement(s) are final.</source>
        <translation>
            <numerusform>Bevestigd: %n vervanging is definitief.</numerusform>
            <numerusform>Bevestigd: %n vervangingen zijn definitief.</numerusform>
        </translation>
    </message>
    <message>
        <source>Confirm…</source>
        <translation>Bevestigen…</translation>
    </message>
    <message>
        <source>Detect</source>
        <translation>Detecteren</translation>
    </message>
    <message>
        <source>Detecting names, places and dates (loading the recogniser: about 10 seconds, the first time a few minutes)…</source>
        <translation>Namen, plaatsen en datums detecteren (herkenner laden: ongeveer 10 seconden, de eerste keer enkele minuten)…</translation>
    </message>
    <message>
        <source>Detecting names, places and dates…</source>
        <translation>Namen, plaatsen en datums detecteren…</translation>
    </message>
    <message>
        <source>Detecting…</source>
        <translation>Bezig met detecteren…</translation>
    </message>
    <message>
        <source>Detection cancelled.</source>
        <translation>Detecteren afgebroken.</translation>
    </message>
    <message>
        <source>Import list…</source>
        <translation>Lijst importeren…</translation>
    </message>
    <message>
        <source>Import names</source>
        <translation>Namen importeren</translation>
    </message>
    <message>
        <source>Loading the recogniser takes about 10 seconds; the very first time it prepares its data, which takes a few minutes.</source>
        <translation>Het laden van de herkenner duurt ongeveer 10 seconden; de allereerste keer bereidt hij zijn gegevens voor en duurt het enkele minuten.</translation>
    </message>
    <message>
        <source>Make the pseudonymisation final?</source>
        <translation>De pseudonimisering definitief maken?</translation>
    </message>
    <message>
        <source>Merge selected</source>
        <translation>Selectie samenvoegen</translation>
    </message>
    <message>
        <source>Name lists (*.txt *.csv);;All files (*)</source>
        <translation>Namenlijsten (*.txt *.csv);;Alle bestanden (*)</translation>
    </message>
    <message>
        <source>Names you know</source>
        <translation>Bekende namen</translation>
    </message>
    <message>
        <source>Pseudonymise</source>
        <translation>Pseudonimiseren</translation>
    </message>
    <message>
        <source>Pseudonymise…</source>
        <translation>Pseudonimiseren…</translation>
    </message>
    <message>
        <source>Replacing names in every document…</source>
        <translation>Namen vervangen in alle documenten…</translation>
    </message>
    <message>
        <source>Respondents, children, care workers, schools: names on this list are always found.</source>
        <translation>Respondenten, kinderen, hulpverleners, scholen: namen op deze lijst worden altijd gevonden.</translation>
    </message>
    <message>
        <source>Review saved in the project.</source>
        <translation>Beoordeling opgeslagen in het project.</translation>
    </message>
    <message>
        <source>Save review</source>
        <translation>Beoordeling opslaan</translation>
    </message>
    <message>
        <source>Select a row to see where it is mentioned.</source>
        <translation>Selecteer een rij om te zien waar het genoemd wordt.</translation>
    </message>
    <message>
        <source>The documents changed; click Detect to review again.</source>
        <translation>De documenten zijn gewijzigd; klik op Detecteren om opnieuw te beoordelen.</translation>
    </message>
    <message>
        <source>Treat the selected rows as one person or place with one replacement (e.g. 'Shanice' and 'Shanice Pinas').</source>
        <translation>De geselecteerde rijen als één persoon of plaats behandelen, met één vervanging (bijv. 'Shanice' en 'Shanice Pinas').</translation>
    </message>
    <message>
        <source>also use the Dutch name recogniser (deduce)</source>
        <translation>ook de Nederlandse namenherkenner gebruiken (deduce)</translation>
    </message>
    <message numerus="yes">
        <source>and %n more</source>
        <translation>
            <numerusform>en nog %n</numerusform>
            <numerusform>en nog %n</numerusform>
        </translation>
    </message>
    <message>
        <source>e.g. Shanice Pinas</source>
        <translation>bijv. Shanice Pinas</translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message numerus="yes">
        <source>%n fragment(s) coded.</source>
        <translation>
            <numerusform>%n fragment gecodeerd.</numerusform>
            <numerusform>%n fragmenten gecodeerd.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hit(s)</source>
        <translation>
            <numerusform>%n treffer</numerusform>
            <numerusform>%n treffers</numerusform>
        </translation>
    </message>
    <message>
        <source>* stands for any letters, ? for one letter: wacht* finds wachten, wachtlijst and wachttijd.</source>
        <translation>* staat voor willekeurige letters, ? voor één letter: wacht* vindt wachten, wachtlijst en wachttijd.</translation>
    </message>
    <message>
        <source>A quotation mark is not closed.</source>
        <translation>Een aanhalingsteken is niet gesloten.</translation>
    </message>
    <message>
        <source>Code all hits…</source>
        <translation>Alle treffers coderen…</translation>
    </message>
    <message>
        <source>Finds every form of the word: wisseling also finds wisselingen, gewisseld and wisselen.</source>
        <translation>Vindt elke vorm van het woord: wisseling vindt ook wisselingen, gewisseld en wisselen.</translation>
    </message>
    <message>
        <source>Finds only this word as typed (upper case and accents ignored).</source>
        <translation>Vindt alleen dit woord zoals getypt (hoofdletters en accenten tellen niet mee).</translation>
    </message>
    <message>
        <source>Finds these words next to each other, in this order, within one turn.</source>
        <translation>Vindt deze woorden naast elkaar, in deze volgorde, binnen één beurt.</translation>
    </message>
    <message>
        <source>Only what respondents said; interviewer questions are skipped.</source>
        <translation>Alleen wat respondenten zeiden; vragen van de interviewer worden overgeslagen.</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Zoeken</translation>
    </message>
    <message>
        <source>Search words</source>
        <translation>Woorden zoeken</translation>
    </message>
    <message>
        <source>Searching (the first search prepares every document)…</source>
        <translation>Zoeken (de eerste zoekopdracht bereidt alle documenten voor)…</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>Bezig met zoeken…</translation>
    </message>
    <message>
        <source>The documents changed; search again.</source>
        <translation>De documenten zijn gewijzigd; zoek opnieuw.</translation>
    </message>
    <message>
        <source>Type a word to search for.</source>
        <translation>Typ een woord om op te zoeken.</translation>
    </message>
    <message>
        <source>Word forms (lemma)</source>
        <translation>Woordvormen (lemma)</translation>
    </message>
    <message>
        <source>all documents</source>
        <translation>alle documenten</translation>
    </message>
    <message>
        <source>all word forms (lemma)</source>
        <translation>alle woordvormen (lemma)</translation>
    </message>
    <message>
        <source>e.g. wisseling, "terug bij af", wacht*</source>
        <translation>bijv. wisseling, "terug bij af", wacht*</translation>
    </message>
    <message>
        <source>exact phrase</source>
        <translation>exacte woordgroep</translation>
    </message>
    <message>
        <source>exact word</source>
        <translation>precies dit woord</translation>
    </message>
    <message numerus="yes">
        <source>in %n document(s)</source>
        <translation>
            <numerusform>in %n document</numerusform>
            <numerusform>in %n documenten</numerusform>
        </translation>
    </message>
    <message>
        <source>respondents only</source>
        <translation>alleen respondenten</translation>
    </message>
    <message>
        <source>wildcard (* and ?)</source>
        <translation>jokertekens (* en ?)</translation>
    </message>
        <message>
            <source>Select a hit to read its whole turn here; double-click or Enter shows it in the transcript.</source>
            <translation>Kies een treffer om hier de hele beurt te lezen; dubbelklik of Enter toont hem in het transcript.</translation>
        </message>
        <message>
            <source>Code every hit (or the selected ones) with one code, as one step that Ctrl+Z takes back.</source>
            <translation>Codeer elke treffer (of de gekozen treffers) met één code, als één stap die Ctrl+Z terugdraait.</translation>
        </message>
        <message>
            <source>Stop</source>
            <translation>Stoppen</translation>
        </message>
        <message>
            <source>(stopped: not every document was searched)</source>
            <translation>(gestopt: niet elk document is doorzocht)</translation>
        </message>
        <message>
            <source>Search in transcripts…</source>
            <translation>Zoeken in transcripten…</translation>
        </message>
</context>
<context>
    <name>SuggestionModel</name>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Document</translation>
    </message>
    <message>
        <source>Keywords: %1</source>
        <translation>Trefwoorden: %1</translation>
    </message>
    <message>
        <source>Passage</source>
        <translation>Passage</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Score</translation>
    </message>
    <message>
        <source>Trigger words</source>
        <translation>Aanleidingswoorden</translation>
    </message>
</context>
<context>
    <name>SuggestionsPanel</name>
    <message numerus="yes">
        <source>%n suggestion(s) accepted and coded.</source>
        <translation>
            <numerusform>%n suggestie geaccepteerd en gecodeerd.</numerusform>
            <numerusform>%n suggesties geaccepteerd en gecodeerd.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n suggestion(s) rejected; they will not be proposed again in this session.</source>
        <translation>
            <numerusform>%n suggestie afgewezen; die komt deze sessie niet meer terug.</numerusform>
            <numerusform>%n suggesties afgewezen; die komen deze sessie niet meer terug.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n suggestion(s). Nothing is coded until you accept.</source>
        <translation>
            <numerusform>%n suggestie. Er wordt niets gecodeerd tot u accepteert.</numerusform>
            <numerusform>%n suggesties. Er wordt niets gecodeerd tot u accepteert.</numerusform>
        </translation>
    </message>
    <message>
        <source>Accept</source>
        <translation>Accepteren</translation>
    </message>
    <message>
        <source>Click Propose to look for passages per code.</source>
        <translation>Klik op Voorstellen om per code passages te zoeken.</translation>
    </message>
    <message>
        <source>Code:</source>
        <translation>Code:</translation>
    </message>
    <message>
        <source>Coding suggestions</source>
        <translation>Codeersuggesties</translation>
    </message>
    <message>
        <source>Look for passages that match the keywords of each code. Nothing is coded until you accept it.</source>
        <translation>Zoekt passages die passen bij de trefwoorden van elke code. Er wordt niets gecodeerd tot u het accepteert.</translation>
    </message>
    <message>
        <source>Looking for passages per code…</source>
        <translation>Passages per code zoeken…</translation>
    </message>
    <message>
        <source>Looking for passages…</source>
        <translation>Bezig met passages zoeken…</translation>
    </message>
    <message>
        <source>Propose</source>
        <translation>Voorstellen</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>Afwijzen</translation>
    </message>
    <message>
        <source>The documents changed; propose again.</source>
        <translation>De documenten zijn gewijzigd; klik opnieuw op Voorstellen.</translation>
    </message>
    <message>
        <source>Valence:</source>
        <translation>Waardering:</translation>
    </message>
    <message>
        <source>Whole turn</source>
        <translation>Hele beurt</translation>
    </message>
    <message>
        <source>Widen the selected passages to the whole speaker turn before accepting them.</source>
        <translation>De geselecteerde passages uitbreiden tot de hele spreekbeurt, voordat u ze accepteert.</translation>
    </message>
    <message>
        <source>all codes (%1)</source>
        <translation>alle codes (%1)</translation>
    </message>
    <message>
        <source>all documents</source>
        <translation>alle documenten</translation>
    </message>
    <message>
        <source>respondents only</source>
        <translation>alleen respondenten</translation>
    </message>
</context>
</TS>
