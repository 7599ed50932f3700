<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>NetworkDiagram</name>
    <message numerus="yes">
        <source>%n hidden layer(s)</source>
        <translation>
            <numerusform>%n hidden layer</numerusform>
            <numerusform>%n hidden layers</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cli</name>
    <message numerus="yes">
        <source>%n epoch(s)</source>
        <translation>
            <numerusform>%n epoch</numerusform>
            <numerusform>%n epochs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>state:     trained %n epoch(s) ({0} steps); train loss {1}, test loss {2}, test {3} {4}</source>
        <translation>
            <numerusform>state:     trained %n epoch ({0} steps); train loss {1}, test loss {2}, test {3} {4}</numerusform>
            <numerusform>state:     trained %n epochs ({0} steps); train loss {1}, test loss {2}, test {3} {4}</numerusform>
        </translation>
    </message>
</context>
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
