<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nl_NL" sourcelanguage="en">
<context>
    <name>Errors</name>
    <message>
        <source>a link inside a folder is not followed</source>
        <translation>een snelkoppeling (link) in een map wordt niet gevolgd</translation>
    </message>
    <message>
        <source>reading the file took far too long</source>
        <translation>het inlezen van het bestand duurde veel te lang</translation>
    </message>
    <message>
        <source>the file cannot be read</source>
        <translation>het bestand kan niet worden gelezen</translation>
    </message>
    <message>
        <source>the file does not exist</source>
        <translation>het bestand bestaat niet</translation>
    </message>
    <message>
        <source>this is a hidden or temporary file</source>
        <translation>dit is een verborgen of tijdelijk bestand</translation>
    </message>
    <message>
        <source>the PDF has no text (a scan?)</source>
        <translation>de pdf bevat geen tekst (een scan?)</translation>
    </message>
    <message>
        <source>the archive is unsafe</source>
        <translation>het archief is onveilig</translation>
    </message>
</context>
</TS>
