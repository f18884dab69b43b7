<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en">
<context>
    <name>AdjudicationView</name>
    <message numerus="yes">
        <source>Gold (%n span(s))</source>
        <translation>
            <numerusform>Gold (%n span)</numerusform>
            <numerusform>Gold (%n spans)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AssistController</name>
    <message numerus="yes">
        <source>Filled %n suggestion(s); documents looked at: %1.</source>
        <translation>
            <numerusform>Filled %n suggestion; documents looked at: %1.</numerusform>
            <numerusform>Filled %n suggestions; documents looked at: %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>EventController</name>
    <message numerus="yes">
        <source>Delete %n span(s)</source>
        <translation>
            <numerusform>Delete %n span</numerusform>
            <numerusform>Delete %n spans</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message numerus="yes">
        <source>Exported %n document(s) to %1.</source>
        <translation>
            <numerusform>Exported %n document to %1.</numerusform>
            <numerusform>Exported %n documents to %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FileMenu</name>
    <message numerus="yes">
        <source>Imported %n new document(s)</source>
        <translation>
            <numerusform>Imported %n new document</numerusform>
            <numerusform>Imported %n new documents</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> (%n already in the project)</source>
        <translation>
            <numerusform> (%n already in the project)</numerusform>
            <numerusform> (%n already in the project)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LabelAllDialog</name>
    <message numerus="yes">
        <source>Label %n match(es) as %1? Untick those that are not.</source>
        <translation>
            <numerusform>Label %n match as %1? Untick it if it is not.</numerusform>
            <numerusform>Label %n matches as %1? Untick those that are not.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n match(es) inside a longer word left out.</source>
        <translation>
            <numerusform>%n match inside a longer word left out.</numerusform>
            <numerusform>%n matches inside a longer word left out.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n match(es) labelled %1 already left out.</source>
        <translation>
            <numerusform>%n match labelled %1 already left out.</numerusform>
            <numerusform>%n matches labelled %1 already left out.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LabellingController</name>
    <message numerus="yes">
        <source>Labelled %n match(es).</source>
        <translation>
            <numerusform>Labelled %n match.</numerusform>
            <numerusform>Labelled %n matches.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Label %n span(s) as %1</source>
        <translation>
            <numerusform>Label %n span as %1</numerusform>
            <numerusform>Label %n spans as %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>This span triggers %n event(s), which will be deleted with it.</source>
        <translation>
            <numerusform>This span triggers %n event, which will be deleted with it.</numerusform>
            <numerusform>This span triggers %n events, which will be deleted with it.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>It fills %n event role(s), which will be emptied.</source>
        <translation>
            <numerusform>It fills %n event role, which will be emptied.</numerusform>
            <numerusform>It fills %n event roles, which will be emptied.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ProjectMenu</name>
    <message numerus="yes">
        <source>Exported %n document(s) to %1</source>
        <translation>
            <numerusform>Exported %n document to %1</numerusform>
            <numerusform>Exported %n documents to %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message numerus="yes">
        <source>%n match(es)</source>
        <translation>
            <numerusform>%n match</numerusform>
            <numerusform>%n matches</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StoredSuggestions</name>
    <message numerus="yes">
        <source>Accept %n suggestion(s)</source>
        <translation>
            <numerusform>Accept %n suggestion</numerusform>
            <numerusform>Accept %n suggestions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Accepted %n suggestion(s).</source>
        <translation>
            <numerusform>Accepted %n suggestion.</numerusform>
            <numerusform>Accepted %n suggestions.</numerusform>
        </translation>
    </message>
</context>
</TS>