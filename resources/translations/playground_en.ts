<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
    <context>
        <name>runner</name>
        <message numerus="yes">
            <source>finished %n epoch(s)</source>
            <translation>
                <numerusform>finished %n epoch</numerusform>
                <numerusform>finished %n epochs</numerusform>
            </translation>
        </message>
    </context>
</TS>
