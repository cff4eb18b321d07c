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
</TS>
