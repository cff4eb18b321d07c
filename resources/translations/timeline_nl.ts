<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nl_NL">
<context>
    <name>EventDialog</name>
    <message>
        <source>Help-history event</source>
        <translation>Gebeurtenis in de hulpgeschiedenis</translation>
    </message>
    <message>
        <source>Edit event</source>
        <translation>Gebeurtenis bewerken</translation>
    </message>
    <message>
        <source>Fragment:</source>
        <translation>Fragment:</translation>
    </message>
    <message>
        <source>Type:</source>
        <translation>Soort:</translation>
    </message>
    <message>
        <source>empty: only its order in the interview</source>
        <translation>leeg: alleen de volgorde in het gesprek</translation>
    </message>
    <message>
        <source>Moment:</source>
        <translation>Moment:</translation>
    </message>
    <message>
        <source>Suggested from “{words}”: {moment}</source>
        <translation>Voorstel uit “{words}”: {moment}</translation>
    </message>
    <message>
        <source>Use</source>
        <translation>Overnemen</translation>
    </message>
    <message>
        <source>e.g. 7 maanden, 16 weken</source>
        <translation>bijv. 7 maanden, 16 weken</translation>
    </message>
    <message>
        <source>Duration:</source>
        <translation>Duur:</translation>
    </message>
    <message>
        <source>Suggested: {duration}</source>
        <translation>Voorstel: {duration}</translation>
    </message>
    <message>
        <source>Memo:</source>
        <translation>Memo:</translation>
    </message>
    <message>
        <source>Not readable: write e.g. 2021-03, 2021, 'leeftijd 4' or 'toen hij 4 was'.</source>
        <translation>Niet te lezen: schrijf bijv. 2021-03, 2021, 'leeftijd 4' of 'toen hij 4 was'.</translation>
    </message>
    <message>
        <source>“{words}” is counted from the event told before it, and no dated event comes before it in this interview: type the moment itself, e.g. 2021-03.</source>
        <translation>“{words}” telt vanaf de gebeurtenis die ervoor verteld is, maar in dit interview staat daarvoor geen gebeurtenis met een moment: typ het moment zelf, bijv. 2021-03.</translation>
    </message>
    <message>
        <source>“{words}” is counted from the interview's month, but only its year (meting) is known: type the moment itself, e.g. 2021-03, or give the interview a 'datum' attribute.</source>
        <translation>“{words}” telt vanaf de maand van het interview, maar alleen het jaar (meting) is bekend: typ het moment zelf, bijv. 2021-03, of geef het interview een attribuut 'datum'.</translation>
    </message>
    <message>
        <source>“{words}” is counted from the interview's date, but this interview has no date or meting: type the moment itself, e.g. 2021-03, or give the interview a 'datum' or 'meting' attribute.</source>
        <translation>“{words}” telt vanaf de datum van het interview, maar dit interview heeft geen datum of meting: typ het moment zelf, bijv. 2021-03, of geef het interview een attribuut 'datum' of 'meting'.</translation>
    </message>
    <message>
        <source>The duration cannot be read: write e.g. 7 maanden.</source>
        <translation>De duur is niet te lezen: schrijf bijv. 7 maanden.</translation>
    </message>
</context>
<context>
    <name>EventMenu</name>
    <message>
        <source>Mark as help-history event…</source>
        <translation>Markeren als gebeurtenis in de hulpgeschiedenis…</translation>
    </message>
    <message>
        <source>Event: {type} ({moment})</source>
        <translation>Gebeurtenis: {type} ({moment})</translation>
    </message>
    <message>
        <source>Edit event…</source>
        <translation>Gebeurtenis bewerken…</translation>
    </message>
    <message>
        <source>Remove event</source>
        <translation>Gebeurtenis verwijderen</translation>
    </message>
</context>
<context>
    <name>TimelineCanvas</name>
    <message>
        <source>Parent</source>
        <translation>Ouder</translation>
    </message>
    <message>
        <source>Youth</source>
        <translation>Jongere</translation>
    </message>
    <message>
        <source>Care worker</source>
        <translation>Hulpverlener</translation>
    </message>
    <message>
        <source>School</source>
        <translation>School</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Onbekend</translation>
    </message>
    <message>
        <source>No events in this family's help history yet.
Select a passage in a transcript and choose 'Mark as help-history event…'.</source>
        <translation>Nog geen gebeurtenissen in de hulpgeschiedenis van dit gezin.
Selecteer een passage in een transcript en kies 'Markeren als gebeurtenis in de hulpgeschiedenis…'.</translation>
    </message>
</context>
<context>
    <name>TimelineView</name>
    <message>
        <source>Family:</source>
        <translation>Gezin:</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>Uitzoomen</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>Inzoomen</translation>
    </message>
    <message>
        <source>Add event…</source>
        <translation>Gebeurtenis toevoegen…</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exporteren</translation>
    </message>
    <message>
        <source>Figure (.png)…</source>
        <translation>Figuur (.png)…</translation>
    </message>
    <message>
        <source>Figure (.svg)…</source>
        <translation>Figuur (.svg)…</translation>
    </message>
    <message>
        <source>Table (.xlsx)…</source>
        <translation>Tabel (.xlsx)…</translation>
    </message>
    <message>
        <source>Durations across families, split by:</source>
        <translation>Duur over de gezinnen, uitgesplitst naar:</translation>
    </message>
    <message>
        <source>(nothing)</source>
        <translation>(niets)</translation>
    </message>
    <message>
        <source>Accounts that contradict each other:</source>
        <translation>Verhalen die elkaar tegenspreken:</translation>
    </message>
    <message>
        <source>Measure</source>
        <translation>Maat</translation>
    </message>
    <message>
        <source>All families</source>
        <translation>Alle gezinnen</translation>
    </message>
    <message>
        <source>(no value)</source>
        <translation>(geen waarde)</translation>
    </message>
    <message>
        <source>Signal → first help (months)</source>
        <translation>Signaal → eerste hulp (maanden)</translation>
    </message>
    <message>
        <source>Registration → start of help (months)</source>
        <translation>Aanmelding → start hulp (maanden)</translation>
    </message>
    <message>
        <source>Changes of care worker</source>
        <translation>Wisselingen van hulpverlener</translation>
    </message>
    <message>
        <source>This family: signal → first help {signal} months; registration → start {start} months{told}; changes of care worker: {changes}.</source>
        <translation>Dit gezin: signaal → eerste hulp {signal} maanden; aanmelding → start {start} maanden{told}; wisselingen van hulpverlener: {changes}.</translation>
    </message>
    <message>
        <source> (as told)</source>
        <translation> (zoals verteld)</translation>
    </message>
    <message>
        <source>Show passage</source>
        <translation>Passage tonen</translation>
    </message>
    <message>
        <source>Edit event…</source>
        <translation>Gebeurtenis bewerken…</translation>
    </message>
    <message>
        <source>Remove event</source>
        <translation>Gebeurtenis verwijderen</translation>
    </message>
    <message>
        <source>Add event</source>
        <translation>Gebeurtenis toevoegen</translation>
    </message>
    <message>
        <source>the exact words of the passage</source>
        <translation>de letterlijke woorden van de passage</translation>
    </message>
    <message>
        <source>Interview:</source>
        <translation>Gesprek:</translation>
    </message>
    <message>
        <source>Passage:</source>
        <translation>Passage:</translation>
    </message>
    <message>
        <source>Type words that occur exactly once in the interview.</source>
        <translation>Typ woorden die precies één keer in het gesprek voorkomen.</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>PNG-afbeelding (*.png)</translation>
    </message>
    <message>
        <source>SVG image (*.svg)</source>
        <translation>SVG-afbeelding (*.svg)</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel-werkmap (*.xlsx)</translation>
    </message>
    <message>
        <source>Export timeline</source>
        <translation>Tijdlijn exporteren</translation>
    </message>
    <message>
        <source>Event types…</source>
        <translation>Soorten gebeurtenissen…</translation>
    </message>
    <message>
        <source>Help history per family</source>
        <translation>Hulpgeschiedenis per gezin</translation>
    </message>
</context>
<context>
    <name>UndoText</name>
    <message>
        <source>Mark event</source>
        <translation>Gebeurtenis markeren</translation>
    </message>
    <message>
        <source>Edit event</source>
        <translation>Gebeurtenis bewerken</translation>
    </message>
    <message>
        <source>Remove event</source>
        <translation>Gebeurtenis verwijderen</translation>
    </message>
    <message>
        <source>New event type</source>
        <translation>Nieuwe soort gebeurtenis</translation>
    </message>
    <message>
        <source>Edit event type</source>
        <translation>Soort gebeurtenis bewerken</translation>
    </message>
    <message>
        <source>Remove event type</source>
        <translation>Soort gebeurtenis verwijderen</translation>
    </message>
</context>
<context>
    <name>EventTypesDialog</name>
    <message>
        <source>Event types</source>
        <translation>Soorten gebeurtenissen</translation>
    </message>
    <message>
        <source>The durations use the types {names}; renaming one of them leaves it out of the durations.</source>
        <translation>De duur wordt berekend met de soorten {names}; wie er een hernoemt, laat die buiten de duur.</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Soort</translation>
    </message>
    <message>
        <source>Codes that suggest it (comma-separated)</source>
        <translation>Codes die deze soort voorstellen (gescheiden door komma’s)</translation>
    </message>
    <message>
        <source>Add type</source>
        <translation>Soort toevoegen</translation>
    </message>
    <message>
        <source>Remove type</source>
        <translation>Soort verwijderen</translation>
    </message>
    <message>
        <source>new type</source>
        <translation>nieuwe soort</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Add the help history per family (timelines and durations)</source>
        <translation>Hulpgeschiedenis per gezin toevoegen (tijdlijnen en duur)</translation>
    </message>
</context>
</TS>
