<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nl_NL" sourcelanguage="en">
<context>
    <name>Errors</name>
    <message>
        <source>Select spoken text: a speaker label or timestamp is not coded.</source>
        <translation>Selecteer gesproken tekst: een sprekerslabel of tijdcode wordt niet gecodeerd.</translation>
    </message>
    <message>
        <source>A fragment lies within one speaker turn.</source>
        <translation>Een fragment ligt binnen één beurt van één spreker.</translation>
    </message>
</context>
<context>
    <name>AttributesDialog</name>
    <message>
        <source>Memo: {name}</source>
        <translation>Memo: {name}</translation>
    </message>
</context>
<context>
    <name>CasesPage</name>
    <message>
        <source>Case memo…</source>
        <translation>Casusmemo…</translation>
    </message>
    <message>
        <source>The memo on the selected case (e.g. the family)</source>
        <translation>Het memo bij de gekozen casus (bijvoorbeeld het gezin)</translation>
    </message>
</context>
<context>
    <name>CodingController</name>
    <message>
        <source>Document memo…</source>
        <translation>Documentmemo…</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Theme synthesis</source>
        <translation>Synthese per thema</translation>
    </message>
    <message>
        <source>Document memo…</source>
        <translation>Documentmemo…</translation>
    </message>
    <message>
        <source>Project memo…</source>
        <translation>Projectmemo…</translation>
    </message>
    <message>
        <source>Project memo</source>
        <translation>Projectmemo</translation>
    </message>
</context>
<context>
    <name>MemoEditor</name>
    <message>
        <source>Bold (Ctrl+B)</source>
        <translation>Vet (Ctrl+B)</translation>
    </message>
    <message>
        <source>Italic (Ctrl+I)</source>
        <translation>Cursief (Ctrl+I)</translation>
    </message>
    <message>
        <source>Bulleted list</source>
        <translation>Opsomming</translation>
    </message>
    <message>
        <source>Numbered list</source>
        <translation>Genummerde lijst</translation>
    </message>
    <message>
        <source>Write the memo here.</source>
        <translation>Schrijf hier het memo.</translation>
    </message>
    <message>
        <source>Read-only</source>
        <translation>Alleen lezen</translation>
    </message>
    <message>
        <source>Editing…</source>
        <translation>Bezig met typen…</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>Opgeslagen</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>Niet opgeslagen</translation>
    </message>
</context>
<context>
    <name>SegmentFilterBar</name>
    <message>
        <source>any attribute</source>
        <translation>elk attribuut</translation>
    </message>
    <message>
        <source>Filter by an attribute</source>
        <translation>Filteren op een attribuut</translation>
    </message>
    <message>
        <source>all cases</source>
        <translation>alle casussen</translation>
    </message>
    <message>
        <source>Filter by case (family)</source>
        <translation>Filteren op casus (gezin)</translation>
    </message>
    <message>
        <source>all coders</source>
        <translation>alle codeurs</translation>
    </message>
    <message>
        <source>Filter by coder</source>
        <translation>Filteren op codeur</translation>
    </message>
    <message>
        <source>all valences</source>
        <translation>alle waarderingen</translation>
    </message>
    <message>
        <source>Filter by valence</source>
        <translation>Filteren op waardering</translation>
    </message>
    <message>
        <source>The attribute's value</source>
        <translation>De waarde van het attribuut</translation>
    </message>
    <message>
        <source>any value</source>
        <translation>elke waarde</translation>
    </message>
    <message>
        <source>Key quotes</source>
        <translation>Kernquotes</translation>
    </message>
</context>
<context>
    <name>SpeakersDialog</name>
    <message>
        <source>Guessed from the label</source>
        <translation>Geraden uit het label</translation>
    </message>
    <message>
        <source>{role} (your choice differs)</source>
        <translation>{role} (uw keuze wijkt af)</translation>
    </message>
</context>
<context>
    <name>SynthesisPanel</name>
    <message>
        <source>Theme</source>
        <translation>Thema</translation>
    </message>
    <message>
        <source>Insert quote</source>
        <translation>Citaat invoegen</translation>
    </message>
    <message>
        <source>Insert the selected fragment into the memo: the chapter prints it there as an attributed quote</source>
        <translation>Voeg het gekozen fragment in het memo in: het hoofdstuk drukt het daar af als citaat met bronvermelding</translation>
    </message>
    <message>
        <source>Theme memo: the opening of this theme in the chapter</source>
        <translation>Themamemo: de opening van dit thema in het hoofdstuk</translation>
    </message>
    <message>
        <source>Mark as key quote</source>
        <translation>Markeer als kernquote</translation>
    </message>
    <message>
        <source>Insert in memo</source>
        <translation>In memo invoegen</translation>
    </message>
    <message>
        <source>Show in transcript</source>
        <translation>Toon in transcript</translation>
    </message>
    <message>
        <source>Summarise what respondents said about “{theme}”. This text opens the theme's section in the chapter; insert key quotes from the fragments on the right.</source>
        <translation>Vat samen wat respondenten zeiden over ‘{theme}’. Deze tekst opent het thema in het hoofdstuk; voeg kernquotes in uit de fragmenten rechts.</translation>
    </message>
    <message numerus="yes">
        <source>%n fragment(s)</source>
        <translation>
            <numerusform>%n fragment</numerusform>
            <numerusform>%n fragmenten</numerusform>
        </translation>
    </message>
    <message>
        <source>In the chapter{scope}: {sentence}</source>
        <translation>In het hoofdstuk{scope}: {sentence}</translation>
    </message>
    <message>
        <source>Unmark key quote</source>
        <translation>Kernquote opheffen</translation>
    </message>
</context>
<context>
    <name>ThemeFragmentModel</name>
    <message>
        <source>Document</source>
        <translation>Document</translation>
    </message>
    <message>
        <source>Speaker</source>
        <translation>Spreker</translation>
    </message>
    <message>
        <source>Valence</source>
        <translation>Waardering</translation>
    </message>
    <message>
        <source>Coder</source>
        <translation>Codeur</translation>
    </message>
    <message>
        <source>Fragment</source>
        <translation>Fragment</translation>
    </message>
</context>
</TS>
