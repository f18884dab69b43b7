<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="ar">
<context>
    <name>Agreement</name>
    <message>
        <source>n/a</source>
        <translation>غير معرَّف</translation>
    </message>
</context>
<context>
    <name>AdjudicationLayout</name>
    <message>
        <source>Merged: solid = all agree, light = majority, dashed = some</source>
        <translation>المدمج: متصل = اتفاق الجميع، فاتح = الأغلبية، متقطع = بعضهم</translation>
    </message>
    <message>
        <source>Gold</source>
        <translation>المرجع الذهبي</translation>
    </message>
    <message>
        <source>Merged</source>
        <translation>المدمج</translation>
    </message>
    <message>
        <source>Side by side</source>
        <translation>جنبًا إلى جنب</translation>
    </message>
    <message>
        <source>Accept what all annotators agree on</source>
        <translation>اقبل ما اتفق عليه كل المُوسِّمين</translation>
    </message>
    <message>
        <source>Accept the majority</source>
        <translation>اقبل رأي الأغلبية</translation>
    </message>
    <message>
        <source>Accept this annotator's version</source>
        <translation>اقبل نسخة هذا المُوسِّم</translation>
    </message>
    <message>
        <source>Replace gold with this version</source>
        <translation>استبدل المرجع الذهبي بهذه النسخة</translation>
    </message>
    <message>
        <source>Mark adjudicated</source>
        <translation>وضع علامة اكتمال التحكيم</translation>
    </message>
    <message>
        <source>Shown side by side:</source>
        <translation>المعروض جنبًا إلى جنب:</translation>
    </message>
    <message>
        <source>Accept this candidate into gold</source>
        <translation>اقبل هذا المرشَّح في المرجع الذهبي</translation>
    </message>
    <message>
        <source>Candidates (double-click to accept)</source>
        <translation>المرشحات (انقر مرتين للقبول)</translation>
    </message>
    <message>
        <source>Add the selection to gold</source>
        <translation>أضف التحديد إلى المرجع الذهبي</translation>
    </message>
    <message>
        <source>Relabel the gold span</source>
        <translation>غيِّر وسم المقطع الذهبي</translation>
    </message>
    <message>
        <source>Delete the gold span</source>
        <translation>احذف المقطع الذهبي</translation>
    </message>
    <message>
        <source>Select in the gold view, or click a gold span.</source>
        <translation>حدِّد في عرض المرجع الذهبي، أو انقر مقطعًا ذهبيًا.</translation>
    </message>
    <message>
        <source>Notes on the span</source>
        <translation>ملاحظات على المقطع</translation>
    </message>
    <message>
        <source>A comment on this document</source>
        <translation>تعليق على هذه الوثيقة</translation>
    </message>
    <message>
        <source>Add comment</source>
        <translation>إضافة تعليق</translation>
    </message>
    <message>
        <source>Comments on the document</source>
        <translation>التعليقات على الوثيقة</translation>
    </message>
</context>
<context>
    <name>AdjudicationView</name>
    <message>
        <source>Adjudication — {name}</source>
        <translation>التحكيم — {name}</translation>
    </message>
    <message>
        <source>The document labels differ on: {fields}.</source>
        <translation>تختلف وسوم الوثيقة في: {fields}.</translation>
    </message>
    <message numerus="yes">
        <source>Gold (%n span(s))</source>
        <translation>
            <numerusform>المرجع الذهبي (لا مقاطع)</numerusform>
            <numerusform>المرجع الذهبي (مقطع واحد)</numerusform>
            <numerusform>المرجع الذهبي (مقطعان)</numerusform>
            <numerusform>المرجع الذهبي (%n مقاطع)</numerusform>
            <numerusform>المرجع الذهبي (%n مقطعًا)</numerusform>
            <numerusform>المرجع الذهبي (%n مقطع)</numerusform>
        </translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>تراجع</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>إعادة</translation>
    </message>
    <message>
        <source>No annotator has finished this document yet.</source>
        <translation>لم يُكمل أي مُوسِّم هذه الوثيقة بعد.</translation>
    </message>
</context>
<context>
    <name>AgreementDashboard</name>
    <message>
        <source>Agreement — {name}</source>
        <translation>الاتفاق — {name}</translation>
    </message>
    <message>
        <source>Recompute</source>
        <translation>أعد الحساب</translation>
    </message>
    <message>
        <source>Save HTML report…</source>
        <translation>احفظ تقرير HTML…</translation>
    </message>
    <message>
        <source>Pairs by</source>
        <translation>الأزواج حسب</translation>
    </message>
    <message>
        <source>Annotator pairs (click a cell to compare)</source>
        <translation>أزواج المُوسِّمين (انقر خانة للمقارنة)</translation>
    </message>
    <message>
        <source>Overall</source>
        <translation>الإجمالي</translation>
    </message>
    <message>
        <source>Per label</source>
        <translation>لكل وسم</translation>
    </message>
    <message>
        <source>Relations by type</source>
        <translation>العلاقات حسب النوع</translation>
    </message>
    <message>
        <source>Document labels</source>
        <translation>وسوم الوثائق</translation>
    </message>
    <message>
        <source>Documents, most disagreement first (click to compare)</source>
        <translation>الوثائق، الأكثر اختلافًا أولًا (انقر للمقارنة)</translation>
    </message>
    <message>
        <source>Computing agreement…</source>
        <translation>جارٍ حساب الاتفاق…</translation>
    </message>
    <message>
        <source>Computing agreement</source>
        <translation>حساب الاتفاق</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>أُلغي.</translation>
    </message>
    <message>
        <source>{annotators} annotators; {compared} of {documents} documents finished by two or more (compared). Finished: {finished}.</source>
        <translation>عدد المُوسِّمين: {annotators}؛ الوثائق التي أكملها اثنان أو أكثر (المقارَنة): {compared} من {documents}. ما أكمله كلٌّ منهم: {finished}.</translation>
    </message>
    <message>
        <source>{a} and {b} have not both finished any document.</source>
        <translation>لم يُكمل {a} و{b} معًا أي وثيقة.</translation>
    </message>
    <message>
        <source>Saved the report to {path}.</source>
        <translation>حُفظ التقرير في {path}.</translation>
    </message>
    <message>
        <source>Save the agreement report</source>
        <translation>احفظ تقرير الاتفاق</translation>
    </message>
    <message>
        <source>HTML pages (*.html)</source>
        <translation>صفحات HTML (*.html)</translation>
    </message>
</context>
<context>
    <name>AgreementTables</name>
    <message>
        <source>Span F1, exact, labeled</source>
        <translation>F1 للمقاطع، تطابق تام، مع الوسم</translation>
    </message>
    <message>
        <source>Span F1, exact, unlabeled</source>
        <translation>F1 للمقاطع، تطابق تام، دون الوسم</translation>
    </message>
    <message>
        <source>Span F1, overlap, labeled</source>
        <translation>F1 للمقاطع، تداخل، مع الوسم</translation>
    </message>
    <message>
        <source>Span F1, overlap, unlabeled</source>
        <translation>F1 للمقاطع، تداخل، دون الوسم</translation>
    </message>
    <message>
        <source>alpha_U (characters)</source>
        <translation>alpha_U (الحروف)</translation>
    </message>
    <message>
        <source>Cohen's kappa (tokens)</source>
        <translation>كابا كوهين (الرموز)</translation>
    </message>
    <message>
        <source>Cohen's kappa (labelled tokens)</source>
        <translation>كابا كوهين (الرموز الموسومة)</translation>
    </message>
    <message>
        <source>Events: trigger F1, exact, typed</source>
        <translation>الأحداث: F1 للمحفّزات، تطابق تام، مع النوع</translation>
    </message>
    <message>
        <source>Events: argument F1, exact, with roles</source>
        <translation>الأحداث: F1 للمعاملات، تطابق تام، مع الأدوار</translation>
    </message>
    <message>
        <source>Events: role agreement</source>
        <translation>الأحداث: الاتفاق على الأدوار</translation>
    </message>
    <message>
        <source>Relation F1, exact ends</source>
        <translation>F1 للعلاقات، طرفان متطابقان</translation>
    </message>
    <message>
        <source>Relation F1, overlapping ends</source>
        <translation>F1 للعلاقات، طرفان متداخلان</translation>
    </message>
    <message>
        <source>exact</source>
        <translation>تطابق تام</translation>
    </message>
    <message>
        <source>overlap</source>
        <translation>تداخل</translation>
    </message>
    <message>
        <source>Event triggers, found (Tri-I)</source>
        <translation>محفّزات الأحداث، تحديدها (Tri-I)</translation>
    </message>
    <message>
        <source>Event triggers, typed (Tri-C)</source>
        <translation>محفّزات الأحداث، مع النوع (Tri-C)</translation>
    </message>
    <message>
        <source>Event arguments, found (Arg-I)</source>
        <translation>معاملات الأحداث، تحديدها (Arg-I)</translation>
    </message>
    <message>
        <source>Event arguments, with roles (Arg-C)</source>
        <translation>معاملات الأحداث، مع الأدوار (Arg-C)</translation>
    </message>
    <message>
        <source>Arguments on the same trigger (Arg-I+)</source>
        <translation>المعاملات على المحفّز نفسه (Arg-I+)</translation>
    </message>
    <message>
        <source>Arguments on the same trigger, with roles (Arg-C+)</source>
        <translation>المعاملات على المحفّز نفسه، مع الأدوار (Arg-C+)</translation>
    </message>
    <message>
        <source>Role agreement on aligned events</source>
        <translation>الاتفاق على الأدوار في الأحداث المتقابلة</translation>
    </message>
    <message>
        <source>Relation F1, exact ends and type</source>
        <translation>F1 للعلاقات، طرفان متطابقان والنوع</translation>
    </message>
    <message>
        <source>{tp} matched; {a} relations of {first}, {b} of {second}</source>
        <translation>{tp} متطابق؛ {a} علاقة لـ{first}، و{b} لـ{second}</translation>
    </message>
    <message>
        <source>{tp} matched; {a} spans of {first}, {b} of {second}</source>
        <translation>{tp} متطابق؛ {a} مقطع لـ{first}، و{b} لـ{second}</translation>
    </message>
    <message>
        <source>Span F1, {mode} (mean, SD over pairs)</source>
        <translation>F1 للمقاطع، {mode} (المتوسط والانحراف المعياري عبر الأزواج)</translation>
    </message>
    <message>
        <source>exact, labeled</source>
        <translation>تطابق تام، مع الوسم</translation>
    </message>
    <message>
        <source>exact, unlabeled</source>
        <translation>تطابق تام، دون الوسم</translation>
    </message>
    <message>
        <source>overlap, labeled</source>
        <translation>تداخل، مع الوسم</translation>
    </message>
    <message>
        <source>overlap, unlabeled</source>
        <translation>تداخل، دون الوسم</translation>
    </message>
    <message>
        <source>Krippendorff's alpha, tokens</source>
        <translation>ألفا كريبندورف، الرموز</translation>
    </message>
    <message>
        <source>Krippendorff's alpha, labelled tokens</source>
        <translation>ألفا كريبندورف، الرموز الموسومة</translation>
    </message>
    <message>
        <source>Fleiss' kappa, tokens</source>
        <translation>كابا فلايس، الرموز</translation>
    </message>
    <message>
        <source>Cohen's kappa, mean over pairs</source>
        <translation>كابا كوهين، المتوسط عبر الأزواج</translation>
    </message>
    <message>
        <source>alpha_U (INCEpTION), characters</source>
        <translation>alpha_U (INCEpTION)، الحروف</translation>
    </message>
    <message>
        <source>Measure</source>
        <translation>المقياس</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>القيمة</translation>
    </message>
    <message>
        <source>SD</source>
        <translation>الانحراف المعياري</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>الوسم</translation>
    </message>
    <message>
        <source>F1 exact</source>
        <translation>F1 تام</translation>
    </message>
    <message>
        <source>F1 overlap</source>
        <translation>F1 تداخل</translation>
    </message>
    <message>
        <source>alpha_U</source>
        <translation>alpha_U</translation>
    </message>
    <message>
        <source>alpha, tokens</source>
        <translation>ألفا، الرموز</translation>
    </message>
    <message>
        <source>symmetric</source>
        <translation>متماثلة</translation>
    </message>
    <message>
        <source>directed</source>
        <translation>موجّهة</translation>
    </message>
    <message>
        <source>Relation type</source>
        <translation>نوع العلاقة</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>الاتجاه</translation>
    </message>
    <message>
        <source>F1 overlapping ends</source>
        <translation>F1 طرفان متداخلان</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>الحقل</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>النوع</translation>
    </message>
    <message>
        <source>Krippendorff's alpha</source>
        <translation>ألفا كريبندورف</translation>
    </message>
    <message>
        <source>Cohen's kappa, mean</source>
        <translation>كابا كوهين، المتوسط</translation>
    </message>
    <message>
        <source>Observed agreement, mean</source>
        <translation>الاتفاق الملحوظ، المتوسط</translation>
    </message>
    <message>
        <source>not measured for this label</source>
        <translation>لا يُقاس لهذا الوسم</translation>
    </message>
    <message>
        <source>multiple choice</source>
        <translation>اختيار متعدد</translation>
    </message>
    <message>
        <source>single choice</source>
        <translation>اختيار واحد</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>الوثيقة</translation>
    </message>
    <message>
        <source>Disagreement</source>
        <translation>الاختلاف</translation>
    </message>
    <message>
        <source>Unmatched / annotations</source>
        <translation>غير المتطابق / التوسيمات</translation>
    </message>
    <message>
        <source>Finished by</source>
        <translation>أكملها</translation>
    </message>
</context>
<context>
    <name>AssignmentDialog</name>
    <message>
        <source>Assignments and packages</source>
        <translation>التكليفات والحزم</translation>
    </message>
    <message>
        <source>New annotator's name</source>
        <translation>اسم المُوسِّم الجديد</translation>
    </message>
    <message>
        <source>Add annotator</source>
        <translation>إضافة مُوسِّم</translation>
    </message>
    <message>
        <source>Assign a sample</source>
        <translation>تكليف بعيّنة</translation>
    </message>
    <message>
        <source>Write package for this annotator…</source>
        <translation>كتابة حزمة لهذا المُوسِّم…</translation>
    </message>
    <message>
        <source>Merge packages…</source>
        <translation>دمج الحزم…</translation>
    </message>
    <message>
        <source>For one annotator</source>
        <translation>لمُوسِّم واحد</translation>
    </message>
    <message>
        <source>Annotator</source>
        <translation>المُوسِّم</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>الوثائق</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>البذرة</translation>
    </message>
    <message>
        <source>Tick a cell to assign the document to the annotator.</source>
        <translation>علِّم خانة لتكليف المُوسِّم بالوثيقة.</translation>
    </message>
    <message>
        <source> of {count}</source>
        <translation> من {count}</translation>
    </message>
    <message>
        <source>'{gold}' is the adjudicated layer, not an annotator.</source>
        <translation>‏'{gold}' هي الطبقة المُحكَّمة، وليست مُوسِّمًا.</translation>
    </message>
    <message>
        <source>{count} documents sampled for {name}; {new} of them newly assigned.</source>
        <translation>اختيرت {count} وثيقة عيّنةً لـ{name}؛ كُلِّف بـ{new} منها لأول مرة.</translation>
    </message>
    <message>
        <source>Assigning a sample to {name}</source>
        <translation>جارٍ إسناد عيّنة إلى {name}</translation>
    </message>
    <message>
        <source>Writing the package for {name}</source>
        <translation>جارٍ كتابة حزمة {name}</translation>
    </message>
    <message>
        <source>Wrote {name}'s package ({count} documents) to {path}.</source>
        <translation>كُتبت حزمة {name} ({count} وثيقة) في {path}.</translation>
    </message>
    <message>
        <source>Write the package to</source>
        <translation>اكتب الحزمة في</translation>
    </message>
</context>
<context>
    <name>AssistController</name>
    <message>
        <source>Accept suggestions above a score</source>
        <translation>قبول الاقتراحات فوق درجة</translation>
    </message>
    <message>
        <source>Accept every suggestion in this document scored at least:</source>
        <translation>قبول كل اقتراح في هذه الوثيقة درجته على الأقل:</translation>
    </message>
    <message>
        <source>Filling suggestions for the next documents…</source>
        <translation>جارٍ ملء الاقتراحات للوثائق التالية…</translation>
    </message>
    <message>
        <source>Suggestions are being filled already.</source>
        <translation>الاقتراحات تُملأ الآن.</translation>
    </message>
    <message>
        <source>Filling suggestions</source>
        <translation>ملء الاقتراحات</translation>
    </message>
    <message numerus="yes">
        <source>Filled %n suggestion(s); documents looked at: %1.</source>
        <translation>
            <numerusform>لم يُملأ أي اقتراح؛ الوثائق التي فُحصت: %1.</numerusform>
            <numerusform>مُلئ اقتراح واحد؛ الوثائق التي فُحصت: %1.</numerusform>
            <numerusform>مُلئ اقتراحان؛ الوثائق التي فُحصت: %1.</numerusform>
            <numerusform>مُلئت %n اقتراحات؛ الوثائق التي فُحصت: %1.</numerusform>
            <numerusform>مُلئ %n اقتراحًا؛ الوثائق التي فُحصت: %1.</numerusform>
            <numerusform>مُلئ %n اقتراح؛ الوثائق التي فُحصت: %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BackgroundTask</name>
    <message>
        <source>Cancelling…</source>
        <translation>جارٍ الإلغاء…</translation>
    </message>
    <message>
        <source>{title}: {done} of {total}</source>
        <translation>{title}: {done} من {total}</translation>
    </message>
    <message>
        <source>{title}: {done} done</source>
        <translation>{title}: أُنجز {done}</translation>
    </message>
    <message>
        <source>Unexpected error (please report it): {error!r}</source>
        <translation>خطأ غير متوقع (يُرجى الإبلاغ عنه): {error!r}</translation>
    </message>
</context>
<context>
    <name>CandidateModel</name>
    <message>
        <source>Relation: {type}</source>
        <translation>علاقة: {type}</translation>
    </message>
    <message>
        <source>Document: {field}</source>
        <translation>الوثيقة: {field}</translation>
    </message>
    <message>
        <source>Event: {type}</source>
        <translation>حدث: {type}</translation>
    </message>
    <message>
        <source>all</source>
        <translation>الجميع</translation>
    </message>
    <message>
        <source>majority</source>
        <translation>الأغلبية</translation>
    </message>
    <message>
        <source>some</source>
        <translation>بعضهم</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>النص</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>الوسم</translation>
    </message>
    <message>
        <source>Who has it</source>
        <translation>من وسمه</translation>
    </message>
    <message>
        <source>Agreement</source>
        <translation>الاتفاق</translation>
    </message>
    <message>
        <source>In gold</source>
        <translation>في المرجع الذهبي</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>ملاحظات</translation>
    </message>
</context>
<context>
    <name>CrashLog</name>
    <message>
        <source>The last session ended with an error. Its report is kept here:</source>
        <translation>انتهت الجلسة السابقة بخطأ. حُفظ تقريرها هنا:</translation>
    </message>
</context>
<context>
    <name>DocumentLabelPanel</name>
    <message>
        <source>(none)</source>
        <translation>(لا شيء)</translation>
    </message>
</context>
<context>
    <name>DocumentListPanel</name>
    <message>
        <source>Filter by name</source>
        <translation>تصفية بالاسم</translation>
    </message>
    <message>
        <source>All</source>
        <translation>الكل</translation>
    </message>
    <message>
        <source>Not done</source>
        <translation>غير مكتملة</translation>
    </message>
    <message>
        <source>New</source>
        <translation>جديدة</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>قيد العمل</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>مكتملة</translation>
    </message>
</context>
<context>
    <name>DocumentTableModel</name>
    <message>
        <source>Document</source>
        <translation>الوثيقة</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>الحالة</translation>
    </message>
    <message>
        <source>Spans</source>
        <translation>المقاطع</translation>
    </message>
</context>
<context>
    <name>EventCommands</name>
    <message>
        <source>Fill role {role}</source>
        <translation>ملء الدور {role}</translation>
    </message>
    <message>
        <source>Empty role {role}</source>
        <translation>إفراغ الدور {role}</translation>
    </message>
    <message>
        <source>Change event attributes</source>
        <translation>تغيير خصائص الحدث</translation>
    </message>
</context>
<context>
    <name>EventController</name>
    <message>
        <source>Select the trigger's words first.</source>
        <translation>حدِّد كلمات مُطلِق الحدث أولًا.</translation>
    </message>
    <message>
        <source>Create event {name}</source>
        <translation>إنشاء الحدث {name}</translation>
    </message>
    <message>
        <source>Click a span in the text, or an event in the list, to fill {role}.</source>
        <translation>انقر مقطعًا في النص، أو حدثًا في القائمة، لملء الدور {role}.</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n span(s)</source>
        <translation>
            <numerusform>حذف %n مقطع</numerusform>
            <numerusform>حذف مقطع واحد</numerusform>
            <numerusform>حذف مقطعين</numerusform>
            <numerusform>حذف %n مقاطع</numerusform>
            <numerusform>حذف %n مقطعًا</numerusform>
            <numerusform>حذف %n مقطع</numerusform>
        </translation>
    </message>
    <message>
        <source>the event {event}</source>
        <translation>الحدث {event}</translation>
    </message>
    <message>
        <source>the role {role} of {event}</source>
        <translation>الدور {role} في {event}</translation>
    </message>
    <message>
        <source>Deleting this also deletes:</source>
        <translation>حذف هذا يحذف أيضًا:</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>حذف</translation>
    </message>
</context>
<context>
    <name>EventPalette</name>
    <message>
        <source>Search event types (Arabic or English)</source>
        <translation>ابحث في أنواع الأحداث (بالعربية أو الإنجليزية)</translation>
    </message>
</context>
<context>
    <name>EventPanel</name>
    <message>
        <source>No event selected</source>
        <translation>لا حدث محددًا</translation>
    </message>
    <message>
        <source>(missing)</source>
        <translation>(ناقص)</translation>
    </message>
    <message>
        <source>Trigger: «{text}»</source>
        <translation>المُطلِق: «{text}»</translation>
    </message>
    <message>
        <source>required</source>
        <translation>إلزامي</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>اختياري</translation>
    </message>
    <message>
        <source>repeatable</source>
        <translation>قابل للتكرار</translation>
    </message>
    <message>
        <source>one filler</source>
        <translation>مُعبِّئ واحد</translation>
    </message>
    <message>
        <source>Fillers: {names}</source>
        <translation>المُعبِّئون: {names}</translation>
    </message>
    <message>
        <source>Remove this filler</source>
        <translation>أزل هذا المُعبِّئ</translation>
    </message>
</context>
<context>
    <name>EventTableModel</name>
    <message>
        <source>Type</source>
        <translation>النوع</translation>
    </message>
    <message>
        <source>Trigger</source>
        <translation>المُطلِق</translation>
    </message>
    <message>
        <source>Roles</source>
        <translation>الأدوار</translation>
    </message>
    <message>
        <source>Warnings</source>
        <translation>تنبيهات</translation>
    </message>
</context>
<context>
    <name>EventText</name>
    <message>
        <source>event: {name}</source>
        <translation>حدث: {name}</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export</source>
        <translation>تصدير</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>اختر…</translation>
    </message>
    <message>
        <source>IOB2</source>
        <translation>IOB2</translation>
    </message>
    <message>
        <source>BIOES</source>
        <translation>BIOES</translation>
    </message>
    <message>
        <source>Extra tag columns, outermost first</source>
        <translation>أعمدة وسوم إضافية، الأبعد أولًا</translation>
    </message>
    <message>
        <source>Outermost spans only</source>
        <translation>المقاطع الخارجية فقط</translation>
    </message>
    <message>
        <source>Split proclitics off as tokens</source>
        <translation>افصل السوابق المتصلة رموزًا مستقلة</translation>
    </message>
    <message>
        <source>Split into train / validation / test</source>
        <translation>قسِّم إلى تدريب / تحقق / اختبار</translation>
    </message>
    <message>
        <source>JSON lines: every annotation, exactly</source>
        <translation>أسطر JSON: كل توسيم كما هو</translation>
    </message>
    <message>
        <source>CoNLL: one token per line, BIO tags</source>
        <translation>CoNLL: رمز في كل سطر، بوسوم BIO</translation>
    </message>
    <message>
        <source>brat standoff: a .txt and an .ann per document</source>
        <translation>صيغة brat: ملف ⁦.txt⁩ وملف ‎.ann‎ لكل وثيقة</translation>
    </message>
    <message>
        <source>Hugging Face dataset folder (token classification)</source>
        <translation>مجلد بيانات Hugging Face (تصنيف الرموز)</translation>
    </message>
    <message>
        <source>Events: TextEE / OneIE JSON lines</source>
        <translation>الأحداث: أسطر JSON بصيغة TextEE / OneIE</translation>
    </message>
    <message>
        <source>Gold (adjudicated)</source>
        <translation>المرجع الذهبي (بعد التحكيم)</translation>
    </message>
    <message>
        <source>Annotator: {name}</source>
        <translation>المُوسِّم: {name}</translation>
    </message>
    <message>
        <source>Everyone (one copy per annotation set)</source>
        <translation>الجميع (نسخة لكل مجموعة توسيم)</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>الصيغة</translation>
    </message>
    <message>
        <source>Annotations</source>
        <translation>التوسيمات</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>المخرجات</translation>
    </message>
    <message>
        <source>Options</source>
        <translation>الخيارات</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>الوسوم</translation>
    </message>
    <message>
        <source>Nested spans</source>
        <translation>المقاطع المتداخلة</translation>
    </message>
    <message>
        <source>Train, validation, test</source>
        <translation>تدريب، تحقق، اختبار</translation>
    </message>
    <message>
        <source>Split by</source>
        <translation>التقسيم حسب</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>الوثائق</translation>
    </message>
    <message>
        <source>Sentences (a corpus of few documents)</source>
        <translation>الجمل (لمدوَّنة من وثائق قليلة)</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>البذرة</translation>
    </message>
    <message>
        <source>The export is a folder.</source>
        <translation>التصدير مجلد.</translation>
    </message>
    <message>
        <source>The export is one file.</source>
        <translation>التصدير ملف واحد.</translation>
    </message>
    <message>
        <source>Choose where to write the export.</source>
        <translation>اختر مكان كتابة التصدير.</translation>
    </message>
    <message>
        <source>The folder {folder} does not exist.</source>
        <translation>المجلد {folder} غير موجود.</translation>
    </message>
    <message>
        <source>This format writes a folder, and {path} is a file.</source>
        <translation>هذه الصيغة تكتب مجلدًا، و{path} ملف.</translation>
    </message>
    <message>
        <source>This format writes one file, and {path} is a folder.</source>
        <translation>هذه الصيغة تكتب ملفًا واحدًا، و{path} مجلد.</translation>
    </message>
    <message>
        <source>The three percentages must add up to 100.</source>
        <translation>يجب أن يكون مجموع النسب الثلاث 100.</translation>
    </message>
    <message>
        <source>Export into the folder</source>
        <translation>صدِّر إلى المجلد</translation>
    </message>
    <message>
        <source>Export to the file</source>
        <translation>صدِّر إلى الملف</translation>
    </message>
    <message>
        <source>Exporting</source>
        <translation>جارٍ التصدير</translation>
    </message>
    <message>
        <source>Export cancelled; nothing was written.</source>
        <translation>أُلغي التصدير؛ لم يُكتب شيء.</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n document(s) to %1.</source>
        <translation>
            <numerusform>صُدِّر %n مستند إلى %1.</numerusform>
            <numerusform>صُدِّر مستند واحد إلى %1.</numerusform>
            <numerusform>صُدِّر مستندان إلى %1.</numerusform>
            <numerusform>صُدِّرت %n مستندات إلى %1.</numerusform>
            <numerusform>صُدِّر %n مستندًا إلى %1.</numerusform>
            <numerusform>صُدِّر %n مستند إلى %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Warnings:</source>
        <translation>تنبيهات:</translation>
    </message>
</context>
<context>
    <name>FileMenu</name>
    <message>
        <source>New project…</source>
        <translation>مشروع جديد…</translation>
    </message>
    <message>
        <source>Open…</source>
        <translation>فتح…</translation>
    </message>
    <message>
        <source>Open recent</source>
        <translation>المشاريع الأخيرة</translation>
    </message>
    <message>
        <source>Import files…</source>
        <translation>استيراد ملفات…</translation>
    </message>
    <message>
        <source>No recent projects</source>
        <translation>لا مشاريع حديثة</translation>
    </message>
    <message>
        <source>Import files</source>
        <translation>استيراد ملفات</translation>
    </message>
    <message>
        <source>Importing</source>
        <translation>جارٍ الاستيراد</translation>
    </message>
    <message numerus="yes">
        <source>Imported %n new document(s)</source>
        <translation>
            <numerusform>استُوردت %n وثيقة جديدة</numerusform>
            <numerusform>استُوردت وثيقة جديدة واحدة</numerusform>
            <numerusform>استُوردت وثيقتان جديدتان</numerusform>
            <numerusform>استُوردت %n وثائق جديدة</numerusform>
            <numerusform>استُوردت %n وثيقة جديدة</numerusform>
            <numerusform>استُوردت %n وثيقة جديدة</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> (%n already in the project)</source>
        <translation>
            <numerusform> (%n منها في المشروع من قبل)</numerusform>
            <numerusform> (واحدة منها في المشروع من قبل)</numerusform>
            <numerusform> (اثنتان منها في المشروع من قبل)</numerusform>
            <numerusform> (%n منها في المشروع من قبل)</numerusform>
            <numerusform> (%n منها في المشروع من قبل)</numerusform>
            <numerusform> (%n منها في المشروع من قبل)</numerusform>
        </translation>
    </message>
    <message>
        <source>, %1 spans, %2 events.</source>
        <translation>، و%1 مقطعًا، و%2 حدثًا.</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>استيراد</translation>
    </message>
    <message>
        <source>Warnings:</source>
        <translation>تنبيهات:</translation>
    </message>
</context>
<context>
    <name>FormatTitles</name>
    <message>
        <source>Every file the workbench reads</source>
        <translation>كل ملف تقرؤه منصة العمل</translation>
    </message>
    <message>
        <source>Plain text</source>
        <translation>نص عادي</translation>
    </message>
    <message>
        <source>Workbench JSONL</source>
        <translation>JSONL منصة العمل</translation>
    </message>
    <message>
        <source>CoNLL (token and tag columns)</source>
        <translation>CoNLL (عمودا الكلمة والوسم)</translation>
    </message>
    <message>
        <source>brat standoff</source>
        <translation>brat (ملفات ann)</translation>
    </message>
    <message>
        <source>doccano JSONL</source>
        <translation>JSONL من doccano</translation>
    </message>
    <message>
        <source>Label Studio JSON</source>
        <translation>JSON من Label Studio</translation>
    </message>
</context>
<context>
    <name>FormatIssue</name>
    <message>
        <source>{count} illegal I- (or E-) tags read as the start of a span (the IOB2 repair)</source>
        <translation>وسوم ⁦I-⁩ (أو ⁦E-⁩) غير صالحة قُرئت بدايةً لمقطع (إصلاح ⁦IOB2⁩): {count}</translation>
    </message>
    <message>
        <source>{count} files read as IOB1 (a span starts with I-; B- only between two spans of a label)</source>
        <translation>ملفات قُرئت بصيغة ⁦IOB1⁩ (يبدأ المقطع بـ⁦I-⁩، ولا يأتي ⁦B-⁩ إلا بين مقطعين من وسم واحد): {count}</translation>
    </message>
    <message>
        <source>{count} BIOES spans not closed by E- or S-, read as ending at their last tag</source>
        <translation>مقاطع ⁦BIOES⁩ لم تُغلق بـ⁦E-⁩ أو ⁦S-⁩، قُرئت منتهيةً عند آخر وسم لها: {count}</translation>
    </message>
    <message>
        <source>{count} CoNLL columns not read as tags (see --tag-columns)</source>
        <translation>أعمدة ⁦CoNLL⁩ لم تُقرأ وسومًا (انظر ⁦--tag-columns⁩): {count}</translation>
    </message>
    <message>
        <source>{count} spans widened to whole tokens</source>
        <translation>مقاطع وُسِّعت إلى كلمات كاملة: {count}</translation>
    </message>
    <message>
        <source>{count} spans covering no token, left out of the tags</source>
        <translation>مقاطع لا تغطي أي كلمة، تُركت خارج الوسوم: {count}</translation>
    </message>
    <message>
        <source>{count} events left out because their trigger or a filler covers no token</source>
        <translation>أحداث تُركت لأن محفّزها أو أحد مُعبِّئيها لا يغطي أي كلمة: {count}</translation>
    </message>
    <message>
        <source>{count} relations left out because an end is no entity mention covering a token</source>
        <translation>علاقات تُركت لأن أحد طرفيها ليس ذكرًا لكيان يغطي كلمة: {count}</translation>
    </message>
    <message>
        <source>{count} spans identical to another after widening, written once</source>
        <translation>مقاطع تطابقت مع غيرها بعد التوسيع، كُتبت مرة واحدة: {count}</translation>
    </message>
    <message>
        <source>{count} nested spans left out (only the outermost layer is written)</source>
        <translation>مقاطع متداخلة تُركت (تُكتب الطبقة الخارجية فقط): {count}</translation>
    </message>
    <message>
        <source>{count} documents without an annotation set, left out</source>
        <translation>وثائق بلا مجموعة توسيم، تُركت: {count}</translation>
    </message>
    <message>
        <source>{count} annotations of a kind the workbench does not hold, skipped</source>
        <translation>توسيمات من نوع لا تحفظه منصة العمل، تُخطّيت: {count}</translation>
    </message>
    <message>
        <source>{count} cancelled (skipped) annotations, not imported</source>
        <translation>توسيمات ملغاة (متخطّاة)، لم تُستورد: {count}</translation>
    </message>
    <message>
        <source>{count} spans whose offsets were moved to the stored text (UTF-16 units, CRLF)</source>
        <translation>مقاطع نُقلت مواضعها إلى النص المخزَّن (وحدات ⁦UTF-16⁩، ⁦CRLF⁩): {count}</translation>
    </message>
    <message>
        <source>{count} spans in pieces read as one (only whitespace between the pieces)</source>
        <translation>مقاطع مجزّأة قُرئت مقطعًا واحدًا (لا شيء بين الأجزاء سوى مسافات): {count}</translation>
    </message>
    <message>
        <source>{count} notes whose line breaks became spaces</source>
        <translation>ملاحظات صارت فواصل أسطرها مسافات: {count}</translation>
    </message>
</context>
<context>
    <name>GoldEdits</name>
    <message>
        <source>Nothing new: gold holds all of it already.</source>
        <translation>لا جديد: المرجع الذهبي يضم كل ذلك بالفعل.</translation>
    </message>
    <message>
        <source>Added to gold — spans: {spans}, events: {events}, arguments: {arguments}, relations: {relations}, document labels: {labels}.</source>
        <translation>أُضيف إلى المرجع الذهبي — المقاطع: {spans}، الأحداث: {events}، المعاملات: {arguments}، العلاقات: {relations}، وسوم الوثيقة: {labels}.</translation>
    </message>
    <message>
        <source>Accept what the annotators agree on</source>
        <translation>قبول ما اتفق عليه المُوسِّمون</translation>
    </message>
    <message>
        <source>Accept the version of {name}</source>
        <translation>قبول نسخة {name}</translation>
    </message>
    <message>
        <source>Gold replaced with the version of {name}.</source>
        <translation>استُبدل المرجع الذهبي بنسخة {name}.</translation>
    </message>
    <message>
        <source>Added from {name} — spans: {spans}, events: {events}, arguments: {arguments}.</source>
        <translation>أُضيف من نسخة {name} — المقاطع: {spans}، الأحداث: {events}، المعاملات: {arguments}.</translation>
    </message>
    <message>
        <source>Accept «{text}»</source>
        <translation>قبول «{text}»</translation>
    </message>
    <message>
        <source>Accept the relation {text}</source>
        <translation>اقبل العلاقة {text}</translation>
    </message>
    <message>
        <source>Accept the answer {value} for {field}</source>
        <translation>اقبل الإجابة {value} للحقل {field}</translation>
    </message>
    <message>
        <source>Select the text in the gold view first.</source>
        <translation>حدِّد النص في عرض المرجع الذهبي أولًا.</translation>
    </message>
    <message>
        <source>Add a gold span</source>
        <translation>إضافة مقطع ذهبي</translation>
    </message>
    <message>
        <source>Relabel the gold span</source>
        <translation>غيِّر وسم المقطع الذهبي</translation>
    </message>
    <message>
        <source>Delete the gold span</source>
        <translation>احذف المقطع الذهبي</translation>
    </message>
    <message>
        <source>Mark adjudicated</source>
        <translation>وضع علامة اكتمال التحكيم</translation>
    </message>
</context>
<context>
    <name>GuideController</name>
    <message>
        <source>Guidelines</source>
        <translation>الإرشادات</translation>
    </message>
</context>
<context>
    <name>GuidelinesPanel</name>
    <message>
        <source>No guidelines yet — set them with `workbench guidelines PROJECT FILE.md`</source>
        <translation>لا إرشادات بعد — عيّنها بالأمر `workbench guidelines PROJECT FILE.md`</translation>
    </message>
    <message>
        <source>Guidelines version %1 of %2</source>
        <translation>نسخة الإرشادات %1 بتاريخ %2</translation>
    </message>
    <message>
        <source>Lines that match: %1</source>
        <translation>الأسطر المطابقة: %1</translation>
    </message>
    <message>
        <source>No match</source>
        <translation>لا تطابق</translation>
    </message>
    <message>
        <source>Search the guidelines</source>
        <translation>ابحث في الإرشادات</translation>
    </message>
</context>
<context>
    <name>ImportProblem</name>
    <message>
        <source>that {role} argument is there already</source>
        <translation>المعامل نفسه في الدور «{role}» موجود من قبل</translation>
    </message>
    <message>
        <source>the role {role} of {type} takes one filler only</source>
        <translation>لا يقبل الدور «{role}» من «{type}» إلا مُعبِّئًا واحدًا</translation>
    </message>
    <message>
        <source>an argument&apos;s span must belong to the event&apos;s annotation set</source>
        <translation>لا بد أن يكون مقطع المعامل من مجموعة التوسيم التي فيها الحدث</translation>
    </message>
    <message>
        <source>an argument is filled by a span or by another event</source>
        <translation>لا يُعبَّأ المعامل إلا بمقطع أو بحدث آخر</translation>
    </message>
    <message>
        <source>an argument&apos;s event must belong to the event&apos;s annotation set</source>
        <translation>لا بد أن يكون حدث المعامل من مجموعة التوسيم التي فيها الحدث</translation>
    </message>
    <message>
        <source>event {id} has no such {role} argument</source>
        <translation>ليس للحدث {id} هذا المعامل في الدور «{role}»</translation>
    </message>
    <message>
        <source>no event {id} in {path}</source>
        <translation>ليس في {path} حدث بالمعرّف {id}</translation>
    </message>
    <message>
        <source>no span to delete</source>
        <translation>لا مقطع لحذفه</translation>
    </message>
    <message>
        <source>spans deleted together must belong to one annotation set</source>
        <translation>لا بد أن تكون المقاطع المحذوفة معًا من مجموعة توسيم واحدة</translation>
    </message>
    <message>
        <source>{annotator} already has a {label} span on [{start}, {end})</source>
        <translation>لدى المُوسِّم «{annotator}» من قبل مقطع «{label}» على المدى ⁦[{start}, {end})⁩</translation>
    </message>
    <message>
        <source>the annotator already has a span with the same range and label</source>
        <translation>لدى المُوسِّم من قبل مقطع بالمدى نفسه والوسم نفسه</translation>
    </message>
    <message>
        <source>span [{start}, {end}) is outside the document (0 to {length})</source>
        <translation>المقطع ⁦[{start}, {end})⁩ خارج الوثيقة (من 0 إلى {length})</translation>
    </message>
    <message>
        <source>the label {label!r} is not in the project&apos;s schema {schema!r}</source>
        <translation>ليس الوسم {label!r} في مخطط المشروع {schema!r}</translation>
    </message>
    <message>
        <source>an annotator&apos;s name cannot be empty</source>
        <translation>لا يصح أن يكون اسم المُوسِّم فارغًا</translation>
    </message>
    <message>
        <source>{annotator} has no annotations on document {document}</source>
        <translation>ليس للمُوسِّم «{annotator}» توسيمات في الوثيقة {document}</translation>
    </message>
    <message>
        <source>{path}: no document {id}</source>
        <translation>ليس في {path} وثيقة بالمعرّف {id}</translation>
    </message>
    <message>
        <source>no span {id} in {path}</source>
        <translation>ليس في {path} مقطع بالمعرّف {id}</translation>
    </message>
    <message>
        <source>a relation links two different spans</source>
        <translation>لا بد أن تربط العلاقة بين مقطعين مختلفين</translation>
    </message>
    <message>
        <source>span {id} is not in {annotator}&apos;s set on document {document}</source>
        <translation>ليس المقطع {id} في مجموعة المُوسِّم «{annotator}» في الوثيقة {document}</translation>
    </message>
    <message>
        <source>no relation {id} in {path}</source>
        <translation>ليس في {path} علاقة بالمعرّف {id}</translation>
    </message>
    <message>
        <source>no replaced version {id!r} in the project</source>
        <translation>ليس في المشروع نسخة مستبدَلة بالمعرّف {id!r}</translation>
    </message>
    <message>
        <source>span {id} is in document {owner}, not in {document}</source>
        <translation>المقطع {id} في الوثيقة {owner} لا في الوثيقة {document}</translation>
    </message>
    <message>
        <source>{annotator} has not finished document {document}</source>
        <translation>لم يُكمل المُوسِّم «{annotator}» الوثيقة {document}</translation>
    </message>
    <message>
        <source>span {id} is not a gold span of document {document}</source>
        <translation>ليس المقطع {id} من مقاطع المرجع الذهبي في الوثيقة {document}</translation>
    </message>
    <message>
        <source>the required role {role} has no filler</source>
        <translation>الدور المطلوب «{role}» بلا مُعبِّئ</translation>
    </message>
    <message>
        <source>the role {role} takes one filler but has {count}</source>
        <translation>الدور «{role}» يقبل مُعبِّئًا واحدًا لكن فيه {count}</translation>
    </message>
    <message>
        <source>the type {type} has no role {role} any more</source>
        <translation>لم يعد للنوع «{type}» دور «{role}»</translation>
    </message>
    <message>
        <source>the {role} argument refers to a missing span or event</source>
        <translation>المعامل «{role}» يشير إلى مقطع أو حدث مفقود</translation>
    </message>
    <message>
        <source>the role {role} cannot be filled by {label} (allowed: {allowed})</source>
        <translation>لا يُعبَّأ الدور «{role}» بـ«{label}» (المسموح: {allowed})</translation>
    </message>
    <message>
        <source>the schema has no event type {type!r}</source>
        <translation>ليس في المخطط نوع الحدث {type!r}</translation>
    </message>
    <message>
        <source>its trigger span is missing</source>
        <translation>مقطع المحفّز مفقود</translation>
    </message>
    <message>
        <source>the annotator&apos;s name is blank</source>
        <translation>اسم المُوسِّم فارغ</translation>
    </message>
    <message>
        <source>span {id} [{start}, {end}) says {text!r} but that is not a range of the text (0 to {length})</source>
        <translation>المقطع {id} ⁦[{start}, {end})⁩ نصه {text!r}، لكن هذا المدى ليس من النص (من 0 إلى {length})</translation>
    </message>
    <message>
        <source>span {id}</source>
        <translation>المقطع {id}</translation>
    </message>
    <message>
        <source>event {id}: the schema {schema!r} has no event type {type!r}</source>
        <translation>الحدث {id}: ليس في المخطط {schema!r} نوع الحدث {type!r}</translation>
    </message>
    <message>
        <source>event {id}: its trigger {trigger!r} is not a span of the set</source>
        <translation>الحدث {id}: محفّزه {trigger!r} ليس مقطعًا من المجموعة</translation>
    </message>
    <message>
        <source>event {id}</source>
        <translation>الحدث {id}</translation>
    </message>
    <message>
        <source>{what}: the attributes are {size}</source>
        <translation>في {what}: الخصائص {size}</translation>
    </message>
    <message>
        <source>the span id {id!r} is used twice</source>
        <translation>معرّف المقطع {id!r} مستعمل مرتين</translation>
    </message>
    <message>
        <source>the event id {id!r} is used twice</source>
        <translation>معرّف الحدث {id!r} مستعمل مرتين</translation>
    </message>
    <message>
        <source>span {id} [{start}, {end}) says {text!r} but the text there is {found!r}</source>
        <translation>المقطع {id} ⁦[{start}, {end})⁩ نصه {text!r}، لكن النص في ذلك الموضع {found!r}</translation>
    </message>
    <message>
        <source>event {id}: the type {type} has no role {role!r}; its roles: {roles}</source>
        <translation>الحدث {id}: ليس للنوع «{type}» دور {role!r}؛ أدواره: {roles}</translation>
    </message>
    <message>
        <source>event {id}: {problem}</source>
        <translation>الحدث {id}: {problem}</translation>
    </message>
    <message>
        <source>{what}: {problem}</source>
        <translation>في {what}: {problem}</translation>
    </message>
    <message>
        <source>event {id} contains itself: events fill each other&apos;s roles in a cycle</source>
        <translation>الحدث {id} يحتوي نفسه: أحداث يُعبِّئ بعضها أدوار بعض في حلقة</translation>
    </message>
    <message>
        <source>nested more than {levels} levels deep</source>
        <translation>متداخلة لأكثر من {levels} مستوى</translation>
    </message>
    <message>
        <source>more than {count:,} values (aliases expanded)</source>
        <translation>تتجاوز {count:,} قيمة (بعد توسيع الأسماء المستعارة)</translation>
    </message>
    <message>
        <source>a \u escape gives half a surrogate pair (\ud800-\udfff), which is not a character</source>
        <translation>تسلسل الهروب ⁦\u⁩ يعطي نصف زوج بديل (⁦\ud800-\udfff⁩)، وليس ذلك محرفًا</translation>
    </message>
    <message>
        <source>not valid JSON ({message})</source>
        <translation>ليس JSON سليمًا ({message})</translation>
    </message>
    <message>
        <source>the JSON is nested too deeply to be read</source>
        <translation>بنية JSON متداخلة أعمق من أن تُقرأ</translation>
    </message>
    <message>
        <source>a number has too many digits (more than 4,300)</source>
        <translation>فيه عدد أرقامه أكثر من أن تُقرأ (أكثر من 4,300 رقم)</translation>
    </message>
    <message>
        <source>it links a span to itself</source>
        <translation>تربط مقطعًا بنفسه</translation>
    </message>
    <message>
        <source>the relation id {id!r} is used twice</source>
        <translation>معرّف العلاقة {id!r} مستعمل مرتين</translation>
    </message>
    <message>
        <source>relation {id}: {problem}</source>
        <translation>العلاقة {id}: {problem}</translation>
    </message>
    <message>
        <source>its {end!r} end {span!r} is not a span of the set</source>
        <translation>طرفها {end!r}، وهو {span!r}، ليس مقطعًا من المجموعة</translation>
    </message>
    <message>
        <source>the document label {field!r} takes a list of one or more values</source>
        <translation>وسم الوثيقة {field!r} يأخذ قائمة من قيمة واحدة أو أكثر</translation>
    </message>
    <message>
        <source>the document label {field!r} takes one value, not a list</source>
        <translation>وسم الوثيقة {field!r} يأخذ قيمة واحدة لا قائمة</translation>
    </message>
    <message>
        <source>the document label {field!r} cannot be {value!r}; allowed: {allowed}</source>
        <translation>لا تصلح {value!r} قيمةً لوسم الوثيقة {field!r}؛ المسموح: {allowed}</translation>
    </message>
    <message>
        <source>none</source>
        <translation>لا شيء</translation>
    </message>
    <message>
        <source>the event type {type!r} has no role {role!r}; its roles: {roles}</source>
        <translation>ليس لنوع الحدث {type!r} دور {role!r}؛ أدواره: {roles}</translation>
    </message>
    <message>
        <source>the role {role!r} of {type!r} cannot be filled by {filler!r}; allowed: {allowed}</source>
        <translation>لا يُعبَّأ الدور {role!r} من {type!r} بـ{filler!r}؛ المسموح: {allowed}</translation>
    </message>
    <message>
        <source>the schema {schema!r} has no entity label {label!r}; its labels: {labels}</source>
        <translation>ليس في المخطط {schema!r} وسم الكيان {label!r}؛ وسومه: {labels}</translation>
    </message>
    <message>
        <source>the schema {schema!r} has no event type {type!r}; its event types: {types}</source>
        <translation>ليس في المخطط {schema!r} نوع الحدث {type!r}؛ أنواع أحداثه: {types}</translation>
    </message>
    <message>
        <source>the schema {schema!r} has no relation type {type!r}; its relation types: {types}</source>
        <translation>ليس في المخطط {schema!r} نوع العلاقة {type!r}؛ أنواع علاقاته: {types}</translation>
    </message>
    <message>
        <source>the schema {schema!r} has no document-label field {field!r}; its fields: {fields}</source>
        <translation>ليس في المخطط {schema!r} حقل وسوم الوثيقة {field!r}؛ حقوله: {fields}</translation>
    </message>
    <message>
        <source>{what}: {owner!r} has no attribute {name!r} in the schema {schema!r}; kept as it was</source>
        <translation>ليس لـ{owner!r} في {what} خاصية {name!r} في المخطط {schema!r}؛ أُبقيت كما كانت</translation>
    </message>
    <message>
        <source>{owner!r} has no attribute {name!r}; its attributes: {attributes}</source>
        <translation>ليس لـ{owner!r} خاصية {name!r}؛ خصائصه: {attributes}</translation>
    </message>
    <message>
        <source>the attribute {name!r} of {owner!r} cannot be {value!r}; allowed: {allowed}</source>
        <translation>لا تصلح {value!r} قيمةً للخاصية {name!r} من {owner!r}؛ المسموح: {allowed}</translation>
    </message>
    <message>
        <source>the schema {schema!r} has no entity label or event type {owner!r}, nor a relation type of that name</source>
        <translation>ليس في المخطط {schema!r} وسم كيان ولا نوع حدث باسم {owner!r}، ولا نوع علاقة بهذا الاسم</translation>
    </message>
    <message>
        <source>cannot read the file: {reason}</source>
        <translation>تعذّرت قراءة الملف: {reason}</translation>
    </message>
    <message>
        <source>document {name!r}: {problem}</source>
        <translation>الوثيقة {name!r}: {problem}</translation>
    </message>
    <message>
        <source>the file is over {megabytes} MB</source>
        <translation>حجم الملف يتجاوز {megabytes} ميغابايت</translation>
    </message>
    <message>
        <source>the file is empty; a guidelines document holds text</source>
        <translation>الملف فارغ، ووثيقة الإرشادات لا بد أن تحوي نصًا</translation>
    </message>
    <message>
        <source>{files} are the sets of {count} annotators of one document, which --annotator would give one name: import them without it</source>
        <translation>الملفات ⁦{files}⁩ مجموعات {count} مُوسِّمين لوثيقة واحدة، وسيعطيها الخيار ⁦--annotator⁩ اسمًا واحدًا: استوردها من دونه</translation>
    </message>
    <message>
        <source>expected an id, a tab and an annotation</source>
        <translation>كان المتوقع معرّفًا ثم علامة جدولة ثم توسيمًا</translation>
    </message>
    <message>
        <source>the id {id} is used twice</source>
        <translation>المعرّف {id} مستعمل مرتين</translation>
    </message>
    <message>
        <source>expected T&lt;n&gt;&lt;TAB&gt;LABEL START END&lt;TAB&gt;TEXT</source>
        <translation>كان المتوقع ⁦T&lt;n&gt;&lt;TAB&gt;LABEL START END&lt;TAB&gt;TEXT⁩</translation>
    </message>
    <message>
        <source>{offsets!r} are not offsets (START END[;START END])</source>
        <translation>القيمة {offsets!r} ليست مواضع ⁦(START END[;START END])⁩</translation>
    </message>
    <message>
        <source>the text at {offsets} in {file} is {found!r}, not {shown!r} (the .txt and .ann do not belong together, or the offsets are wrong)</source>
        <translation>النص عند المواضع ⁦{offsets}⁩ في {file} هو {found!r} لا {shown!r} (ملفا ⁦.txt⁩ و⁦.ann⁩ غير متلازمين، أو المواضع خاطئة)</translation>
    </message>
    <message>
        <source>expected E&lt;n&gt;&lt;TAB&gt;TYPE:T&lt;n&gt; ROLE:ID ...</source>
        <translation>كان المتوقع ⁦E&lt;n&gt;&lt;TAB&gt;TYPE:T&lt;n&gt; ROLE:ID ...⁩</translation>
    </message>
    <message>
        <source>expected R&lt;n&gt;&lt;TAB&gt;TYPE Arg1:T&lt;n&gt; Arg2:T&lt;n&gt;</source>
        <translation>كان المتوقع ⁦R&lt;n&gt;&lt;TAB&gt;TYPE Arg1:T&lt;n&gt; Arg2:T&lt;n&gt;⁩</translation>
    </message>
    <message>
        <source>expected A&lt;n&gt;&lt;TAB&gt;NAME ID [VALUE]</source>
        <translation>كان المتوقع ⁦A&lt;n&gt;&lt;TAB&gt;NAME ID [VALUE]⁩</translation>
    </message>
    <message>
        <source>expected #&lt;n&gt;&lt;TAB&gt;AnnotatorNotes ID&lt;TAB&gt;NOTE</source>
        <translation>كان المتوقع ⁦#&lt;n&gt;&lt;TAB&gt;AnnotatorNotes ID&lt;TAB&gt;NOTE⁩</translation>
    </message>
    <message>
        <source>the trigger {trigger} is not a T id of this file</source>
        <translation>المحفّز {trigger} ليس معرّف ⁦T⁩ في هذا الملف</translation>
    </message>
    <message>
        <source>the folder holds no .ann file</source>
        <translation>لا يحوي المجلد أي ملف ⁦.ann⁩</translation>
    </message>
    <message>
        <source>not found: brat needs a .txt and an .ann of the same name</source>
        <translation>الملف غير موجود: يحتاج brat إلى ملفَّي ⁦.txt⁩ و⁦.ann⁩ بالاسم نفسه</translation>
    </message>
    <message>
        <source>the offsets {start} {end} lie outside the text of {file} ({length} characters) or are empty</source>
        <translation>الموضعان {start} و{end} خارج نص {file} ({length} محرفًا) أو يحدّان مدى فارغًا</translation>
    </message>
    <message>
        <source>a discontinuous span (text lies between its pieces): the workbench holds only continuous spans; split it into separate spans in brat</source>
        <translation>مقطع متقطّع (بين أجزائه نص): لا تحفظ منصة العمل إلا المقاطع المتصلة؛ قسِّمه مقاطع منفصلة في brat</translation>
    </message>
    <message>
        <source>an equivalence of {type!r}, which the schema does not make symmetric</source>
        <translation>تكافؤ من النوع {type!r}، والمخطط لا يجعل هذا النوع متناظرًا</translation>
    </message>
    <message>
        <source>expected *&lt;TAB&gt;TYPE T&lt;n&gt; T&lt;n&gt; ...</source>
        <translation>كان المتوقع ⁦*&lt;TAB&gt;TYPE T&lt;n&gt; T&lt;n&gt; ...⁩</translation>
    </message>
    <message>
        <source>{id} is not a T, E or R id of this file</source>
        <translation>المعرّف {id} ليس معرّف ⁦T⁩ أو ⁦E⁩ أو ⁦R⁩ في هذا الملف</translation>
    </message>
    <message>
        <source>the relation&apos;s end {end} is not a T id of this file</source>
        <translation>طرف العلاقة {end} ليس معرّف ⁦T⁩ في هذا الملف</translation>
    </message>
    <message>
        <source>a brat document is a .ann file with its .txt beside it</source>
        <translation>وثيقة brat ملف ⁦.ann⁩ بجانبه ملف ⁦.txt⁩ الخاص به</translation>
    </message>
    <message>
        <source>no such file or folder</source>
        <translation>لا يوجد ملف أو مجلد بهذا الاسم</translation>
    </message>
    <message>
        <source>the {role} {id} is not a T or E id of this file</source>
        <translation>قيمة الدور «{role}»، وهي {id}، ليست معرّف ⁦T⁩ أو ⁦E⁩ في هذا الملف</translation>
    </message>
    <message>
        <source>{id!r} is not a brat id (T, E, A, M, R, N, * or #)</source>
        <translation>القيمة {id!r} ليست معرّفًا في brat (يبدأ المعرّف بـ⁦T, E, A, M, R, N, *⁩ أو ⁦#⁩)</translation>
    </message>
    <message>
        <source>the line has {count} columns, but the tags are in column {columns} (a truncated line?)</source>
        <translation>في السطر {count} أعمدة، لكن الوسوم في العمود {columns} (أهو سطر مبتور؟)</translation>
    </message>
    <message>
        <source>the line holds only {tag!r}, a tag without its token (a CoNLL token cannot be empty or whitespace)</source>
        <translation>لا يحوي السطر إلا {tag!r}، وهو وسم بلا كلمته (لا تكون كلمة CoNLL فارغة ولا مسافات بيضاء)</translation>
    </message>
    <message>
        <source>the token {token!r} has no tag (a truncated line?)</source>
        <translation>الكلمة {token!r} بلا وسم (أهو سطر مبتور؟)</translation>
    </message>
    <message>
        <source>the file holds no token</source>
        <translation>لا يحوي الملف أي كلمة</translation>
    </message>
    <message>
        <source>--tag-columns {number}: the tags can be in columns 2 to {width} of this file (column 1 is the token)</source>
        <translation>الخيار ⁦--tag-columns {number}⁩: لا تكون الوسوم في هذا الملف إلا في الأعمدة من 2 إلى {width} (العمود 1 هو الكلمة)</translation>
    </message>
    <message>
        <source>the folder holds no file the workbench reads ({suffixes})</source>
        <translation>لا يحوي المجلد أي ملف تقرؤه منصة العمل (⁦{suffixes}⁩)</translation>
    </message>
    <message>
        <source>{problem}, column {column}</source>
        <translation>عند العمود {column}: {problem}</translation>
    </message>
    <message>
        <source>each line must be a JSON object with a non-empty &quot;text&quot;</source>
        <translation>لا بد أن يكون كل سطر كائن JSON فيه ⁦&quot;text&quot;⁩ غير فارغ</translation>
    </message>
    <message>
        <source>the line has both {first!r} and {second!r}</source>
        <translation>في السطر المفتاحان {first!r} و{second!r} معًا</translation>
    </message>
    <message>
        <source>&quot;{key}&quot; must be a list of spans</source>
        <translation>لا بد أن يكون ⁦&quot;{key}&quot;⁩ قائمة مقاطع</translation>
    </message>
    <message>
        <source>&quot;meta&quot; must be an object</source>
        <translation>لا بد أن يكون ⁦&quot;meta&quot;⁩ كائنًا</translation>
    </message>
    <message>
        <source>{comment!r} is not a comment: expected a text or {{&quot;comment&quot;: ...}}</source>
        <translation>القيمة {comment!r} ليست تعليقًا: المتوقع نص أو ⁦{{&quot;comment&quot;: ...}}⁩</translation>
    </message>
    <message>
        <source>&quot;{key}&quot; must be a list</source>
        <translation>لا بد أن يكون ⁦&quot;{key}&quot;⁩ قائمة</translation>
    </message>
    <message>
        <source>{item!r} is not a span: expected [START, END, LABEL] with whole-number offsets</source>
        <translation>القيمة {item!r} ليست مقطعًا: المتوقع ⁦[START, END, LABEL]⁩ بمواضع أعداد صحيحة</translation>
    </message>
    <message>
        <source>the span [{start}, {end}) {label} is empty, lies outside the text ({length} characters) or cuts a character in two</source>
        <translation>المقطع ⁦[{start}, {end})⁩ «{label}» فارغ، أو خارج النص ({length} محرفًا)، أو يشطر محرفًا</translation>
    </message>
    <message>
        <source>the relation {id!r}: its {key} {end!r} is not the id of one of the line&apos;s entities</source>
        <translation>العلاقة {id!r}: قيمة ⁦{key}⁩ فيها، {end!r}، ليست معرّف كيان من كيانات السطر</translation>
    </message>
    <message>
        <source>expected FILE&lt;TAB&gt;DOCUMENT_ID&lt;TAB&gt;DOCUMENT_NAME</source>
        <translation>كان المتوقع ⁦FILE&lt;TAB&gt;DOCUMENT_ID&lt;TAB&gt;DOCUMENT_NAME⁩</translation>
    </message>
    <message>
        <source>{suffix} or {suffixes}</source>
        <translation>{suffix} أو {suffixes}</translation>
    </message>
    <message>
        <source>a symbolic link to {target}, outside the folder {folder}: a folder&apos;s import stays inside the folder (name the file itself to import it)</source>
        <translation>رابط رمزي إلى {target}، خارج المجلد {folder}: لا يخرج استيراد مجلد عن المجلد (سمِّ الملف نفسه لتستورده)</translation>
    </message>
    <message>
        <source>expected two columns, FOREIGN&lt;TAB&gt;SCHEMA_LABEL, found {count}</source>
        <translation>كان المتوقع عمودين، ⁦FOREIGN&lt;TAB&gt;SCHEMA_LABEL⁩، والموجود {count}</translation>
    </message>
    <message>
        <source>the label {label!r} is mapped twice (first on line {line})</source>
        <translation>الوسم {label!r} مقابَل مرتين (أول مرة في السطر {line})</translation>
    </message>
    <message>
        <source>the folder holds no {suffixes} file</source>
        <translation>لا يحوي المجلد أي ملف ⁦{suffixes}⁩</translation>
    </message>
    <message>
        <source>str</source>
        <translation>نص</translation>
    </message>
    <message>
        <source>int</source>
        <translation>عدد صحيح</translation>
    </message>
    <message>
        <source>float</source>
        <translation>عدد عشري</translation>
    </message>
    <message>
        <source>bool</source>
        <translation>قيمة منطقية</translation>
    </message>
    <message>
        <source>list</source>
        <translation>قائمة</translation>
    </message>
    <message>
        <source>dict</source>
        <translation>كائن</translation>
    </message>
    <message>
        <source>NoneType</source>
        <translation>قيمة فارغة ⁦(null)⁩</translation>
    </message>
    <message>
        <source>relation {id}</source>
        <translation>العلاقة {id}</translation>
    </message>
    <message>
        <source>the document</source>
        <translation>الوثيقة</translation>
    </message>
    <message>
        <source>the record</source>
        <translation>السجل</translation>
    </message>
    <message>
        <source>a line must hold one JSON object (a document)</source>
        <translation>لا بد أن يحوي السطر كائن JSON واحدًا (وثيقة)</translation>
    </message>
    <message>
        <source>the document&apos;s text is empty</source>
        <translation>نص الوثيقة فارغ</translation>
    </message>
    <message>
        <source>&quot;sha256&quot; does not match the text</source>
        <translation>قيمة ⁦&quot;sha256&quot;⁩ لا تطابق النص</translation>
    </message>
    <message>
        <source>&quot;metadata&quot; is {size}</source>
        <translation>البيانات الوصفية ⁦&quot;metadata&quot;⁩ {size}</translation>
    </message>
    <message>
        <source>each span must be a JSON object</source>
        <translation>لا بد أن يكون كل مقطع كائن JSON</translation>
    </message>
    <message>
        <source>each event must be a JSON object</source>
        <translation>لا بد أن يكون كل حدث كائن JSON</translation>
    </message>
    <message>
        <source>each relation must be a JSON object</source>
        <translation>لا بد أن تكون كل علاقة كائن JSON</translation>
    </message>
    <message>
        <source>&quot;status&quot; of {annotator!r} is {status!r}; use new, in_progress or done</source>
        <translation>حالة المُوسِّم {annotator!r} في ⁦&quot;status&quot;⁩ هي {status!r}؛ استعمل ⁦new⁩ أو ⁦in_progress⁩ أو ⁦done⁩</translation>
    </message>
    <message>
        <source>{what} has no &quot;{key}&quot;</source>
        <translation>ليس في {what} مفتاح ⁦&quot;{key}&quot;⁩</translation>
    </message>
    <message>
        <source>{what}: &quot;{key}&quot; has the wrong type ({type})</source>
        <translation>في {what}: نوع ⁦&quot;{key}&quot;⁩ خاطئ ({type})</translation>
    </message>
    <message>
        <source>{annotator!r}: {problem}</source>
        <translation>مجموعة المُوسِّم {annotator!r}: {problem}</translation>
    </message>
    <message>
        <source>{what}: each argument needs a &quot;role&quot; and either &quot;span&quot; or &quot;event&quot;</source>
        <translation>في {what}: يحتاج كل معامل إلى ⁦&quot;role&quot;⁩ وإلى ⁦&quot;span&quot;⁩ أو ⁦&quot;event&quot;⁩</translation>
    </message>
    <message>
        <source>&quot;document_labels&quot; of {annotator!r} must be an object of fields</source>
        <translation>لا بد أن تكون ⁦&quot;document_labels&quot;⁩ للمُوسِّم {annotator!r} كائنًا من الحقول</translation>
    </message>
    <message>
        <source>&quot;document_labels&quot; of {annotator!r}: {field!r} must be a value or a list of values</source>
        <translation>في ⁦&quot;document_labels&quot;⁩ للمُوسِّم {annotator!r}: لا بد أن يكون {field!r} قيمةً أو قائمة قيم</translation>
    </message>
    <message>
        <source>unexpected text after the list of tasks</source>
        <translation>نص غير متوقع بعد قائمة المهام</translation>
    </message>
    <message>
        <source>unexpected text after the task</source>
        <translation>نص غير متوقع بعد المهمة</translation>
    </message>
    <message>
        <source>the file holds no task</source>
        <translation>لا يحوي الملف أي مهمة</translation>
    </message>
    <message>
        <source>a task is an object with &quot;data&quot; (export the project as JSON, not JSON_MIN)</source>
        <translation>المهمة كائن فيه ⁦&quot;data&quot;⁩ (صدِّر المشروع بصيغة JSON لا JSON_MIN)</translation>
    </message>
    <message>
        <source>the task has no text in &quot;data&quot;: {{&quot;text&quot;: ...}}</source>
        <translation>ليس للمهمة نص في ⁦&quot;data&quot;⁩: ⁦{{&quot;text&quot;: ...}}⁩</translation>
    </message>
    <message>
        <source>each annotation must be an object</source>
        <translation>لا بد أن يكون كل توسيم كائنًا</translation>
    </message>
    <message>
        <source>a relation result&apos;s &quot;labels&quot; must be a list of texts</source>
        <translation>لا بد أن تكون ⁦&quot;labels&quot;⁩ في نتيجة العلاقة قائمة نصوص</translation>
    </message>
    <message>
        <source>each result must be an object</source>
        <translation>لا بد أن تكون كل نتيجة كائنًا</translation>
    </message>
    <message>
        <source>a &quot;labels&quot; result needs a &quot;value&quot;</source>
        <translation>نتيجة ⁦&quot;labels&quot;⁩ تحتاج إلى ⁦&quot;value&quot;⁩</translation>
    </message>
    <message>
        <source>a &quot;labels&quot; result needs whole-number &quot;start&quot; and &quot;end&quot; and a list of &quot;labels&quot;</source>
        <translation>نتيجة ⁦&quot;labels&quot;⁩ تحتاج إلى ⁦&quot;start&quot;⁩ و⁦&quot;end&quot;⁩ عددين صحيحين وإلى قائمة ⁦&quot;labels&quot;⁩</translation>
    </message>
    <message>
        <source>expected a list of tasks: a comma or &apos;]&apos; is missing</source>
        <translation>كان المتوقع قائمة مهام: تنقص فاصلة أو ⁦&apos;]&apos;⁩</translation>
    </message>
    <message>
        <source>the file ends too soon (a truncated file?)</source>
        <translation>ينتهي الملف قبل أوانه (أهو ملف مبتور؟)</translation>
    </message>
    <message>
        <source>the relation&apos;s &quot;{key}&quot; {id!r} is not the id of a labels result of its annotation</source>
        <translation>قيمة ⁦&quot;{key}&quot;⁩ في العلاقة، {id!r}، ليست معرّف نتيجة ⁦labels⁩ من توسيمها</translation>
    </message>
    <message>
        <source>the span [{start}, {end}) does not cover {text!r} in the task&apos;s text, counted either in code points or in UTF-16 units</source>
        <translation>المقطع ⁦[{start}, {end})⁩ لا يغطي {text!r} في نص المهمة، سواء عُدَّت مواضعه بنقاط الترميز أو بوحدات UTF-16</translation>
    </message>
    <message>
        <source>the span [{start}, {end}) is empty or lies outside the task&apos;s text</source>
        <translation>المقطع ⁦[{start}, {end})⁩ فارغ أو خارج نص المهمة</translation>
    </message>
    <message>
        <source>--annotator gives them one name: import without it to keep each annotator&apos;s set</source>
        <translation>يعطيهما الخيار ⁦--annotator⁩ اسمًا واحدًا: استورد من دونه لتبقى لكل مُوسِّم مجموعته</translation>
    </message>
    <message>
        <source>keep one of them in Label Studio and export again</source>
        <translation>أبقِ أحدهما في Label Studio وصدِّر من جديد</translation>
    </message>
    <message>
        <source>two annotations of the task belong to {annotator!r}; {advice}</source>
        <translation>توسيمان من المهمة للمُوسِّم {annotator!r}؛ {advice}</translation>
    </message>
    <message>
        <source>{tag!r} is not a tag: expected O, or B-, I-, E- or S- and a label</source>
        <translation>القيمة {tag!r} ليست وسمًا: المتوقع ⁦O⁩، أو ⁦B-⁩ أو ⁦I-⁩ أو ⁦E-⁩ أو ⁦S-⁩ يليها وسم</translation>
    </message>
    <message>
        <source>text</source>
        <translation>نص</translation>
    </message>
    <message>
        <source>a list</source>
        <translation>قائمة</translation>
    </message>
    <message>
        <source>a mapping</source>
        <translation>تعيين</translation>
    </message>
    <message>
        <source>true or false</source>
        <translation>قيمة منطقية (⁦true⁩ أو ⁦false⁩)</translation>
    </message>
    <message>
        <source>entity label</source>
        <translation>وسم كيان</translation>
    </message>
    <message>
        <source>event type</source>
        <translation>نوع حدث</translation>
    </message>
    <message>
        <source>nothing (null)</source>
        <translation>لا شيء (⁦null⁩)</translation>
    </message>
    <message>
        <source>true/false</source>
        <translation>قيمة منطقية (⁦true/false⁩)</translation>
    </message>
    <message>
        <source>a number</source>
        <translation>عدد</translation>
    </message>
    <message>
        <source>{value!r}</source>
        <translation>القيمة {value!r}</translation>
    </message>
    <message>
        <source>expected {what}, got {value}</source>
        <translation>المتوقع {what}، والمعطى {value}</translation>
    </message>
    <message>
        <source>an id must be ASCII letters, digits, &apos;_&apos;, &apos;.&apos; or &apos;-&apos;, starting with a letter or digit; got {value}</source>
        <translation>لا بد أن يتألف المعرّف من حروف ⁦ASCII⁩ اللاتينية والأرقام و⁦&apos;_&apos;⁩ و⁦&apos;.&apos;⁩ و⁦&apos;-&apos;⁩، وأن يبدأ بحرف أو رقم؛ والمعطى {value}</translation>
    </message>
    <message>
        <source>nested too deeply (is a YAML alias referring to itself?)</source>
        <translation>متداخل أعمق مما ينبغي (أيشير اسم مستعار في ⁦YAML⁩ إلى نفسه؟)</translation>
    </message>
    <message>
        <source>the key {key} must be text (put it in quotes)</source>
        <translation>مفتاح ليس نصًا: {key} (ضعه بين علامتي تنصيص)</translation>
    </message>
    <message>
        <source>unknown key {key!r}; allowed: {allowed}</source>
        <translation>مفتاح غير معروف {key!r}؛ المسموح: {allowed}</translation>
    </message>
    <message>
        <source>unknown key {key!r} (did you mean {close!r}?); allowed: {allowed}</source>
        <translation>مفتاح غير معروف {key!r} (أتقصد {close!r}؟)؛ المسموح: {allowed}</translation>
    </message>
    <message>
        <source>the required key {key!r} is missing</source>
        <translation>المفتاح المطلوب {key!r} مفقود</translation>
    </message>
    <message>
        <source>duplicate {what} {value!r} (also at {also})</source>
        <translation>تكرّر {what} {value!r} (وهو أيضًا في {also})</translation>
    </message>
    <message>
        <source>expected text, a number, true/false, a list or a mapping, got {kind}</source>
        <translation>المتوقع نص أو عدد أو قيمة منطقية (⁦true/false⁩) أو قائمة أو تعيين، والمعطى {kind}</translation>
    </message>
    <message>
        <source>a mapping {{labels, roles, attributes}}</source>
        <translation>تعيين ⁦{{labels, roles, attributes}}⁩</translation>
    </message>
    <message>
        <source>a mapping of ids to {{definition, examples}}</source>
        <translation>تعيين من المعرّفات إلى ⁦{{definition, examples}}⁩</translation>
    </message>
    <message>
        <source>a mapping {{definition: {{en, ar}}, examples: [...]}}</source>
        <translation>تعيين ⁦{{definition: {{en, ar}}, examples: [...]}}⁩</translation>
    </message>
    <message>
        <source>a mapping {{en: ..., ar: ...}}</source>
        <translation>تعيين ⁦{{en: ..., ar: ...}}⁩</translation>
    </message>
    <message>
        <source>give the text in en, ar or both</source>
        <translation>اكتب النص في ⁦en⁩ أو ⁦ar⁩ أو كليهما</translation>
    </message>
    <message>
        <source>an entity label or event type</source>
        <translation>وسم كيان أو نوع حدث</translation>
    </message>
    <message>
        <source>a role (or &lt;event type&gt;:&lt;role&gt;)</source>
        <translation>دورًا (أو ⁦&lt;event type&gt;:&lt;role&gt;⁩)</translation>
    </message>
    <message>
        <source>an attribute</source>
        <translation>خاصيةً</translation>
    </message>
    <message>
        <source>{name!r} is not {what} of this schema</source>
        <translation>ليس {name!r} {what} في هذا المخطط</translation>
    </message>
    <message>
        <source>{name!r} is not {what} of this schema (did you mean {close!r}?)</source>
        <translation>ليس {name!r} {what} في هذا المخطط (أتقصد {close!r}؟)</translation>
    </message>
    <message>
        <source>label</source>
        <translation>الوسم</translation>
    </message>
    <message>
        <source>applies_to names at least one label; leave it out for every label</source>
        <translation>لا بد أن يسمي ⁦applies_to⁩ وسمًا واحدًا على الأقل؛ احذفه لتكون الخاصية لكل الوسوم</translation>
    </message>
    <message>
        <source>a label id must be ASCII letters, digits, &apos;_&apos;, &apos;.&apos; or &apos;-&apos;, starting with a letter or digit; got {value}</source>
        <translation>لا بد أن يتألف معرّف الوسم من حروف ⁦ASCII⁩ اللاتينية والأرقام و⁦&apos;_&apos;⁩ و⁦&apos;.&apos;⁩ و⁦&apos;-&apos;⁩، وأن يبدأ بحرف أو رقم؛ والمعطى {value}</translation>
    </message>
    <message>
        <source>{label!r} is not an {kind} of this schema</source>
        <translation>ليس {label!r} {kind} في هذا المخطط</translation>
    </message>
    <message>
        <source>{label!r} is not an {kind} of this schema (did you mean {close!r}?)</source>
        <translation>ليس {label!r} {kind} في هذا المخطط (أتقصد {close!r}؟)</translation>
    </message>
    <message>
        <source>applies_to is for mention_attributes and event_attributes; an attribute under a label&apos;s own attributes belongs to that label only</source>
        <translation>المفتاح ⁦applies_to⁩ خاص بـ⁦mention_attributes⁩ و⁦event_attributes⁩؛ أما الخاصية المذكورة بين خصائص الوسم نفسه فهي لذلك الوسم وحده</translation>
    </message>
    <message>
        <source>{source}: {problem}</source>
        <translation>في ملف المخطط {source}: {problem}</translation>
    </message>
    <message>
        <source>{source}, line {line}: {problem}</source>
        <translation>في ملف المخطط {source}، السطر {line}: {problem}</translation>
    </message>
    <message>
        <source>{source}, {path}: {problem}</source>
        <translation>في ملف المخطط {source}، عند {path}: {problem}</translation>
    </message>
    <message>
        <source>{source}, line {line}, {path}: {problem}</source>
        <translation>في ملف المخطط {source}، السطر {line}، عند {path}: {problem}</translation>
    </message>
    <message>
        <source>{source}, line {line}, column {column}: {problem}</source>
        <translation>في ملف المخطط {source}، السطر {line}، العمود {column}: {problem}</translation>
    </message>
    <message>
        <source>there is no built-in schema {name!r}; the built-in schemas are {names}</source>
        <translation>لا مخطط مدمجًا باسم {name!r}؛ المخططات المدمجة: {names}</translation>
    </message>
    <message>
        <source>{name!r} is neither a built-in schema nor a schema file; the built-in schemas are {names}</source>
        <translation>ليس {name!r} مخططًا مدمجًا ولا ملف مخطط؛ المخططات المدمجة: {names}</translation>
    </message>
    <message>
        <source>cannot be read</source>
        <translation>تتعذّر قراءته</translation>
    </message>
    <message>
        <source>invalid YAML: {problem} ({context} at line {line})</source>
        <translation>ليس ⁦YAML⁩ سليمًا: {problem} ({context} في السطر {line})</translation>
    </message>
    <message>
        <source>invalid YAML: {problem}</source>
        <translation>ليس ⁦YAML⁩ سليمًا: {problem}</translation>
    </message>
    <message>
        <source>the file is not UTF-8: the byte 0x{byte:02x} at offset {offset} cannot be decoded; save the file as UTF-8</source>
        <translation>ليس الملف بترميز ⁦UTF-8⁩: يتعذّر فك البايت ⁦0x{byte:02x}⁩ عند الموضع {offset}؛ احفظ الملف بترميز ⁦UTF-8⁩</translation>
    </message>
    <message>
        <source>the key {key!r} appears twice</source>
        <translation>المفتاح {key!r} مذكور مرتين</translation>
    </message>
    <message>
        <source>invalid YAML: the character U+{code:04X} is not allowed in a YAML file</source>
        <translation>ليس ⁦YAML⁩ سليمًا: المحرف ⁦U+{code:04X}⁩ غير مسموح به في ملف ⁦YAML⁩</translation>
    </message>
    <message>
        <source>{path}: cannot read the schema file: {reason}</source>
        <translation>تعذّرت قراءة ملف المخطط {path}: {reason}</translation>
    </message>
    <message>
        <source>invalid JSON: {syntax}</source>
        <translation>ليس ⁦JSON⁩ سليمًا: {syntax}</translation>
    </message>
    <message>
        <source>the key {key!r} appears twice in one object</source>
        <translation>المفتاح {key!r} مذكور مرتين في كائن واحد</translation>
    </message>
    <message>
        <source>a document-label field needs at least one value</source>
        <translation>يحتاج حقل وسوم الوثيقة إلى قيمة واحدة على الأقل</translation>
    </message>
    <message>
        <source>relation type id</source>
        <translation>معرّف نوع العلاقة</translation>
    </message>
    <message>
        <source>a relation type {{id, en, ar, from, to, ...}}</source>
        <translation>نوع علاقة ⁦{{id, en, ar, from, to, ...}}⁩</translation>
    </message>
    <message>
        <source>document-label field id</source>
        <translation>معرّف حقل وسوم الوثيقة</translation>
    </message>
    <message>
        <source>a document-label field {{id, en, ar, values, ...}}</source>
        <translation>حقل وسوم وثيقة ⁦{{id, en, ar, values, ...}}⁩</translation>
    </message>
    <message>
        <source>value id</source>
        <translation>معرّف القيمة</translation>
    </message>
    <message>
        <source>a value {{id, en, ar, hotkey?}}</source>
        <translation>قيمة ⁦{{id, en, ar, hotkey?}}⁩</translation>
    </message>
    <message>
        <source>{id!r} is already an entity label or event type</source>
        <translation>المعرّف {id!r} معرّف وسم كيان أو نوع حدث من قبل</translation>
    </message>
    <message>
        <source>a relation needs at least one entity label at its {end!r} end</source>
        <translation>تحتاج العلاقة إلى وسم كيان واحد على الأقل في طرفها {end!r}</translation>
    </message>
    <message>
        <source>{label} is not an entity label of this schema</source>
        <translation>ليست {label} وسم كيان في هذا المخطط</translation>
    </message>
    <message>
        <source>{label} is not an entity label of this schema (did you mean {close!r}?)</source>
        <translation>ليست {label} وسم كيان في هذا المخطط (أتقصد {close!r}؟)</translation>
    </message>
    <message>
        <source>the list of values is empty; an attribute needs at least one value</source>
        <translation>قائمة القيم فارغة، والخاصية تحتاج إلى قيمة واحدة على الأقل</translation>
    </message>
    <message>
        <source>the hotkey {hotkey!r} is already used by {owner!r}</source>
        <translation>مفتاح الاختصار {hotkey!r} مستعمل من قبل لـ{owner!r}</translation>
    </message>
    <message>
        <source>a mapping with one key, &apos;schema&apos;</source>
        <translation>تعيين فيه مفتاح واحد هو ⁦&apos;schema&apos;⁩</translation>
    </message>
    <message>
        <source>entity label id</source>
        <translation>معرّف وسم الكيان</translation>
    </message>
    <message>
        <source>an entity label {{id, en, ar, color, ...}}</source>
        <translation>وسم كيان ⁦{{id, en, ar, color, ...}}⁩</translation>
    </message>
    <message>
        <source>event type id</source>
        <translation>معرّف نوع الحدث</translation>
    </message>
    <message>
        <source>an event type {{id, en, ar, roles, ...}}</source>
        <translation>نوع حدث ⁦{{id, en, ar, roles, ...}}⁩</translation>
    </message>
    <message>
        <source>role id</source>
        <translation>معرّف الدور</translation>
    </message>
    <message>
        <source>a role {{id, en, ar, fillers, ...}}</source>
        <translation>دور ⁦{{id, en, ar, fillers, ...}}⁩</translation>
    </message>
    <message>
        <source>filler</source>
        <translation>المُعبِّئ</translation>
    </message>
    <message>
        <source>a mapping of attribute names to their values</source>
        <translation>تعيين من أسماء الخصائص إلى قيمها</translation>
    </message>
    <message>
        <source>a list of values, or a mapping {{values, default, ar, labels}}</source>
        <translation>قائمة قيم، أو تعيين ⁦{{values, default, ar, labels}}⁩</translation>
    </message>
    <message>
        <source>value</source>
        <translation>القيمة</translation>
    </message>
    <message>
        <source>a mapping of values to names</source>
        <translation>تعيين من القيم إلى أسمائها</translation>
    </message>
    <message>
        <source>a mapping of values to {{en, ar}}</source>
        <translation>تعيين من القيم إلى ⁦{{en, ar}}⁩</translation>
    </message>
    <message>
        <source>a hotkey is one key: a digit, a letter or Shift+&lt;letter&gt;; got {value}</source>
        <translation>مفتاح الاختصار مفتاح واحد: رقم أو حرف أو ⁦Shift+&lt;letter&gt;⁩؛ والمعطى {value}</translation>
    </message>
    <message>
        <source>a colour is written &quot;#rrggbb&quot; (six hex digits, in quotes); got {value}</source>
        <translation>يُكتب اللون ⁦&quot;#rrggbb&quot;⁩ (ستة أرقام ست عشرية، بين علامتي تنصيص)؛ والمعطى {value}</translation>
    </message>
    <message>
        <source>the file is empty; it should hold a &apos;schema:&apos; mapping</source>
        <translation>الملف فارغ، وينبغي أن يحوي التعيين ⁦&apos;schema:&apos;⁩</translation>
    </message>
    <message>
        <source>must be a whole number from 1 to 2^31; got {value}</source>
        <translation>لا بد أن يكون عددًا صحيحًا من 1 إلى ⁦2^31⁩؛ والمعطى {value}</translation>
    </message>
    <message>
        <source>must be rtl or ltr, got {value}</source>
        <translation>لا بد أن يكون ⁦rtl⁩ أو ⁦ltr⁩، والمعطى {value}</translation>
    </message>
    <message>
        <source>give mention_attributes or entity_attributes (two names for the same key), not both</source>
        <translation>اكتب ⁦mention_attributes⁩ أو ⁦entity_attributes⁩ (اسمان للمفتاح نفسه)، لا كليهما</translation>
    </message>
    <message>
        <source>the schema needs at least one entity label</source>
        <translation>يحتاج المخطط إلى وسم كيان واحد على الأقل</translation>
    </message>
    <message>
        <source>a role needs at least one filler (an entity label or EVENT:&lt;type&gt;)</source>
        <translation>يحتاج الدور إلى مُعبِّئ واحد على الأقل (وسم كيان أو ⁦EVENT:&lt;type&gt;⁩)</translation>
    </message>
    <message>
        <source>a filler is an entity label or EVENT:&lt;event type&gt;, got {value}</source>
        <translation>المُعبِّئ وسم كيان أو ⁦EVENT:&lt;event type&gt;⁩، والمعطى {value}</translation>
    </message>
    <message>
        <source>the attribute name {name!r} must be ASCII letters, digits, &apos;_&apos;, &apos;.&apos; or &apos;-&apos;, starting with a letter or digit</source>
        <translation>لا بد أن يتألف اسم الخاصية {name!r} من حروف ⁦ASCII⁩ اللاتينية والأرقام و⁦&apos;_&apos;⁩ و⁦&apos;.&apos;⁩ و⁦&apos;-&apos;⁩، وأن يبدأ بحرف أو رقم</translation>
    </message>
    <message>
        <source>YAML reads yes/no/on/off/true/false as true or false: put the value in quotes</source>
        <translation>يقرأ ⁦YAML⁩ القيم ⁦yes/no/on/off/true/false⁩ قيمًا منطقية: ضع القيمة بين علامتي تنصيص</translation>
    </message>
    <message>
        <source>an attribute value must be text, got {value}; put it in quotes</source>
        <translation>لا بد أن تكون قيمة الخاصية نصًا، والمعطى {value}؛ ضعها بين علامتي تنصيص</translation>
    </message>
    <message>
        <source>an attribute value is text of any characters that can be printed, not empty and without spaces around it; got {value!r}</source>
        <translation>قيمة الخاصية نص من أي محارف قابلة للطباعة، غير فارغ وبلا مسافات حوله؛ والمعطى {value!r}</translation>
    </message>
    <message>
        <source>{value!r} is not one of the values {values}</source>
        <translation>ليست {value!r} من القيم {values}</translation>
    </message>
    <message>
        <source>{value!r} is not one of the values {values} (did you mean {close!r}?)</source>
        <translation>ليست {value!r} من القيم {values} (أتقصد {close!r}؟)</translation>
    </message>
    <message>
        <source>a mapping {{en, ar}}</source>
        <translation>تعيين ⁦{{en, ar}}⁩</translation>
    </message>
    <message>
        <source>give color or colour (two names for the same key), not both</source>
        <translation>اكتب ⁦color⁩ أو ⁦colour⁩ (اسمان للمفتاح نفسه)، لا كليهما</translation>
    </message>
    <message>
        <source>{id!r} is already an entity label; a trigger span is labelled with its event type, so the two need different ids</source>
        <translation>المعرّف {id!r} وسم كيان من قبل؛ ومقطع المحفّز يوسَم بنوع حدثه، فلا بد أن يختلف المعرّفان</translation>
    </message>
    <message>
        <source>{filler!r} names an unknown event type</source>
        <translation>يسمي {filler!r} نوع حدث غير معروف</translation>
    </message>
    <message>
        <source>{filler!r} names an unknown event type (did you mean {close!r}?)</source>
        <translation>يسمي {filler!r} نوع حدث غير معروف (أتقصد {close!r}؟)</translation>
    </message>
    <message>
        <source>{filler!r} is not an entity label of this schema; an event filler is written EVENT:&lt;event type&gt;</source>
        <translation>ليس {filler!r} وسم كيان في هذا المخطط؛ ويُكتب مُعبِّئ الحدث ⁦EVENT:&lt;event type&gt;⁩</translation>
    </message>
    <message>
        <source>{filler!r} is not an entity label of this schema (did you mean {close!r}?); an event filler is written EVENT:&lt;event type&gt;</source>
        <translation>ليس {filler!r} وسم كيان في هذا المخطط (أتقصد {close!r}؟)؛ ويُكتب مُعبِّئ الحدث ⁦EVENT:&lt;event type&gt;⁩</translation>
    </message>
    <message>
        <source>{name!r} is already an attribute of every {owner}</source>
        <translation>الخاصية {name!r} هي من قبل خاصية لكل {owner}</translation>
    </message>
    <message>
        <source>{path}: {problem}; nothing was merged</source>
        <translation>رُفضت الحزمة {path}: {problem}؛ لم يُدمج شيء</translation>
    </message>
    <message>
        <source>its annotations collide with this project&apos;s or with each other ({error})</source>
        <translation>تتصادم توسيماتها مع توسيمات هذا المشروع أو فيما بينها ({error})</translation>
    </message>
    <message>
        <source>reading it took too long; it is not a package this program wrote</source>
        <translation>استغرقت قراءتها وقتًا أطول مما ينبغي؛ فليست حزمة كتبها هذا البرنامج</translation>
    </message>
    <message>
        <source>it cannot be read as a package ({error})</source>
        <translation>تتعذّر قراءتها حزمةً ({error})</translation>
    </message>
    <message>
        <source>it holds the view {name!r}, which a package never holds (only tables)</source>
        <translation>تحوي العرض {name!r} (⁦view⁩)، ولا تحوي الحزمة مثله أبدًا (بل جداول فقط)</translation>
    </message>
    <message>
        <source>it holds the trigger {name!r}, which a package never holds (only tables)</source>
        <translation>تحوي المُشغِّل {name!r} (⁦trigger⁩)، ولا تحوي الحزمة مثله أبدًا (بل جداول فقط)</translation>
    </message>
    <message>
        <source>it holds the virtual table {name!r}, which a package never holds (only tables)</source>
        <translation>تحوي الجدول الظاهري {name!r} (⁦virtual table⁩)، ولا تحوي الحزمة مثله أبدًا (بل جداول عادية فقط)</translation>
    </message>
    <message>
        <source>it has no table {table}</source>
        <translation>ليس فيها الجدول {table}</translation>
    </message>
    <message>
        <source>its table {table} has a column {column!r} this version does not write</source>
        <translation>في جدولها {table} العمود {column!r}، ولا يكتبه هذا الإصدار</translation>
    </message>
    <message>
        <source>its table {table} has no column {column!r}</source>
        <translation>ليس في جدولها {table} العمود {column!r}</translation>
    </message>
    <message>
        <source>the file is damaged (SQLite integrity: {report})</source>
        <translation>الملف تالف (فحص السلامة في ⁦SQLite⁩: {report})</translation>
    </message>
    <message>
        <source>this package belongs to another project (its project id is {package}, this project&apos;s is {lead})</source>
        <translation>هذه الحزمة لمشروع آخر (معرّف مشروعها {package}، ومعرّف هذا المشروع {lead})</translation>
    </message>
    <message>
        <source>written by an older version of Tawsim Workbench; open it once with this version (which updates it), then merge it</source>
        <translation>كُتبت بإصدار أقدم من منصة توسيم؛ افتحها مرة بهذا الإصدار (فيحدّثها)، ثم ادمجها</translation>
    </message>
    <message>
        <source>its table {table} holds a {found} value in the column {column!r}, where this version writes {allowed} only</source>
        <translation>في جدولها {table} قيمة من النوع {found} في العمود {column!r}، ولا يكتب فيه هذا الإصدار إلا قيمًا من النوع {allowed}</translation>
    </message>
    <message>
        <source>it names no annotator, so it is not a package (`workbench package` writes them)</source>
        <translation>لا تسمّي مُوسِّمًا، فليست حزمة (تُكتب الحزم بزر «كتابة حزمة لهذا المُوسِّم…» أو بالأمر ⁦workbench package⁩)</translation>
    </message>
    <message>
        <source>it is {annotator!r}&apos;s package but holds annotation sets of {others}; a package brings back its own annotator&apos;s work only</source>
        <translation>هي حزمة {annotator!r} لكنها تحوي مجموعات توسيم لـ{others}؛ ولا تعيد الحزمة إلا عمل مُوسِّمها</translation>
    </message>
    <message>
        <source>it is {annotator!r}&apos;s package but holds annotation sets of {others} (the gold layer comes only in a package written with --annotator gold); a package brings back its own annotator&apos;s work only</source>
        <translation>هي حزمة {annotator!r} لكنها تحوي مجموعات توسيم لـ{others} (لا تأتي طبقة المرجع الذهبي إلا في حزمة كُتبت بالخيار ⁦--annotator gold⁩)؛ ولا تعيد الحزمة إلا عمل مُوسِّمها</translation>
    </message>
    <message>
        <source>it was not written by this project for {annotator!r} (its seal does not match: it was edited, or written by another project or an older version); write the package again with `workbench package`</source>
        <translation>لم يكتبها هذا المشروع للمُوسِّم {annotator!r} (ختمها لا يطابق: فإما عُدِّلت، وإما كتبها مشروع آخر أو إصدار أقدم)؛ اكتب الحزمة من جديد بزر «كتابة حزمة لهذا المُوسِّم…» أو بالأمر ⁦workbench package⁩</translation>
    </message>
    <message>
        <source>document {name!r} ({id}) is not in this project</source>
        <translation>الوثيقة {name!r} ({id}) ليست في هذا المشروع</translation>
    </message>
    <message>
        <source>document {name!r} ({id}) has another text here</source>
        <translation>الوثيقة {name!r} ({id}) نصها في هذا المشروع غير نصها في الحزمة</translation>
    </message>
    <message>
        <source>its annotation set {set} is for the document {document}, which the package does not hold</source>
        <translation>مجموعة التوسيم {set} فيها هي للوثيقة {document}، ولا تحوي الحزمة هذه الوثيقة</translation>
    </message>
    <message>
        <source>it holds two annotation sets for the document {document}</source>
        <translation>تحوي مجموعتَي توسيم للوثيقة {document}</translation>
    </message>
    <message>
        <source>attributes that are not a JSON object ({error})</source>
        <translation>فيها خصائص ليست كائن ⁦JSON⁩ ({error})</translation>
    </message>
    <message>
        <source>a document label that cannot be read ({error})</source>
        <translation>فيها وسم وثيقة تتعذّر قراءته ({error})</translation>
    </message>
    <message>
        <source>its annotation set {set} has the revision {revision}</source>
        <translation>رقم المراجعة لمجموعة التوسيم {set} فيها هو {revision}</translation>
    </message>
    <message>
        <source>its annotation set {set} was carried at the revision {carried}, which its revision {revision} does not follow</source>
        <translation>حُملت مجموعة التوسيم {set} فيها عند المراجعة {carried}، ومراجعتها {revision} لا تأتي بعدها</translation>
    </message>
    <message>
        <source>its annotation set {set} has the status {status!r}</source>
        <translation>حالة مجموعة التوسيم {set} فيها هي {status!r}</translation>
    </message>
    <message>
        <source>its guidelines version {version} is not this project&apos;s (this project has another text); guidelines are set in the lead&apos;s project only</source>
        <translation>نسخة الإرشادات {version} فيها ليست نسخة هذا المشروع (لهذا المشروع نص آخر بهذا الرقم)؛ ولا تُحدَّد الإرشادات إلا في مشروع قائد الفريق</translation>
    </message>
    <message>
        <source>its guidelines version {version} is not this project&apos;s (this project has no such version); guidelines are set in the lead&apos;s project only</source>
        <translation>نسخة الإرشادات {version} فيها ليست نسخة هذا المشروع (ليس لهذا المشروع نسخة بهذا الرقم)؛ ولا تُحدَّد الإرشادات إلا في مشروع قائد الفريق</translation>
    </message>
    <message>
        <source>its annotation set {set} names the guidelines version {version}, which it lacks</source>
        <translation>مجموعة التوسيم {set} فيها تسمّي نسخة الإرشادات {version}، وليست هذه النسخة فيها</translation>
    </message>
    <message>
        <source>{name!r} is the adjudicated layer, not an annotator</source>
        <translation>الاسم {name!r} اسم الطبقة المُحكَّمة (المرجع الذهبي)، لا اسم مُوسِّم</translation>
    </message>
    <message>
        <source>{name!r} is the recommenders&apos; layer, not an annotator</source>
        <translation>الاسم {name!r} اسم طبقة الاقتراحات الآلية، لا اسم مُوسِّم</translation>
    </message>
    <message>
        <source>nothing is assigned to {annotator!r} in {path}</source>
        <translation>لم يُكلَّف المُوسِّم {annotator!r} بأي وثيقة في {path}</translation>
    </message>
    <message>
        <source>{path}: a file of that name exists already; choose another name</source>
        <translation>يوجد من قبل ملف باسم {path}؛ اختر اسمًا آخر</translation>
    </message>
    <message>
        <source>cannot sample {count} of the project&apos;s {total} documents</source>
        <translation>يتعذّر اختيار عيّنة من {count} وثيقة من وثائق المشروع، وعددها {total}</translation>
    </message>
    <message>
        <source>{path}: no document named or numbered {key!r}</source>
        <translation>ليس في المشروع {path} وثيقة اسمها أو معرّفها {key!r}</translation>
    </message>
</context>
<context>
    <name>KeySheet</name>
    <message>
        <source>label as %1</source>
        <translation>وسم بـ %1</translation>
    </message>
    <message>
        <source>the document's label %1 (again: take it back)</source>
        <translation>وسم الوثيقة %1 (مرة أخرى: يُلغيه)</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>المفاتيح</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>المفتاح</translation>
    </message>
    <message>
        <source>What it does</source>
        <translation>ما يفعله</translation>
    </message>
    <message>
        <source>drag, double-click</source>
        <translation>السحب، النقر المزدوج</translation>
    </message>
    <message>
        <source>select whole words (clitics stay inside); hold Alt for the exact characters</source>
        <translation>تحديد كلمات كاملة (تبقى السوابق واللواحق داخلها)؛ مع Alt تُحدَّد الحروف كما هي</translation>
    </message>
    <message>
        <source>click a span or its tag</source>
        <translation>النقر على مقطع أو على وسمه</translation>
    </message>
    <message>
        <source>select it (click again to reach the spans nested under it)</source>
        <translation>تحديده (نقرة أخرى تصل إلى المقاطع المتداخلة تحته)</translation>
    </message>
    <message>
        <source>drag a selected span's edge</source>
        <translation>سحب طرف المقطع المحدَّد</translation>
    </message>
    <message>
        <source>move its start or end (whole words; exact with Alt)</source>
        <translation>نقل بدايته أو نهايته (كلمات كاملة؛ حروف بعينها مع Alt)</translation>
    </message>
    <message>
        <source>token cursor: select the next / previous word (the text runs right to left); a label's key labels it</source>
        <translation>مؤشر الكلمات: تحديد الكلمة التالية / السابقة (النص من اليمين إلى اليسار)؛ مفتاح الوسم يَسِمها</translation>
    </message>
    <message>
        <source>with a span (or the token cursor's words) selected: its end one word later / earlier; otherwise select</source>
        <translation>مع مقطع محدَّد (أو كلمات مؤشر الكلمات): نهايته كلمةً إلى الأمام / إلى الوراء؛ وإلا فتحديد</translation>
    </message>
    <message>
        <source>with a span (or the token cursor's words) selected: its start one word later / earlier</source>
        <translation>مع مقطع محدَّد (أو كلمات مؤشر الكلمات): بدايته كلمةً إلى الأمام / إلى الوراء</translation>
    </message>
    <message>
        <source>the end one character later / earlier (without a span: select exactly)</source>
        <translation>النهاية حرفًا إلى الأمام / إلى الوراء (دون مقطع: تحديد دقيق)</translation>
    </message>
    <message>
        <source>the start one character later / earlier</source>
        <translation>البداية حرفًا إلى الأمام / إلى الوراء</translation>
    </message>
    <message>
        <source>delete the selected span</source>
        <translation>حذف المقطع المحدَّد</translation>
    </message>
    <message>
        <source>Ctrl+click a span</source>
        <translation>Ctrl+نقرة على مقطع</translation>
    </message>
    <message>
        <source>with a span selected: relate it to the clicked span (a menu of relation types: its number key or a click)</source>
        <translation>مع تحديد مقطع: اربطه بالمقطع المنقور بعلاقة (قائمة بأنواع العلاقات: مفتاح رقمها أو نقرة)</translation>
    </message>
    <message>
        <source>Del in the relations panel</source>
        <translation>Del في لوحة العلاقات</translation>
    </message>
    <message>
        <source>delete the chosen relation</source>
        <translation>احذف العلاقة المختارة</translation>
    </message>
    <message>
        <source>undo</source>
        <translation>تراجع</translation>
    </message>
    <message>
        <source>redo</source>
        <translation>إعادة</translation>
    </message>
    <message>
        <source>mark the document done (again: not done)</source>
        <translation>تعليم الوثيقة مكتملة (مرة أخرى: غير مكتملة)</translation>
    </message>
    <message>
        <source>next / previous document (mirrored in an Arabic interface)</source>
        <translation>الوثيقة التالية / السابقة (معكوسة في الواجهة العربية)</translation>
    </message>
    <message>
        <source>search</source>
        <translation>بحث</translation>
    </message>
    <message>
        <source>next / previous match</source>
        <translation>النتيجة التالية / السابقة</translation>
    </message>
    <message>
        <source>next / previous suggestion</source>
        <translation>الاقتراح التالي / السابق</translation>
    </message>
    <message>
        <source>accept the suggestion</source>
        <translation>قبول الاقتراح</translation>
    </message>
    <message>
        <source>accept it and every suggestion of the same name and label in the document</source>
        <translation>قبوله مع كل اقتراح للاسم نفسه بالوسم نفسه في الوثيقة</translation>
    </message>
    <message>
        <source>reject the suggestion</source>
        <translation>رفض الاقتراح</translation>
    </message>
    <message>
        <source>a label's key</source>
        <translation>مفتاح وسم</translation>
    </message>
    <message>
        <source>on a suggestion: accept it with that label</source>
        <translation>على اقتراح: قبوله بذلك الوسم</translation>
    </message>
    <message>
        <source>larger / smaller / default text size</source>
        <translation>نص أكبر / أصغر / بالحجم الافتراضي</translation>
    </message>
    <message>
        <source>new project</source>
        <translation>مشروع جديد</translation>
    </message>
    <message>
        <source>open a project</source>
        <translation>فتح مشروع</translation>
    </message>
    <message>
        <source>import files into the project</source>
        <translation>استيراد ملفات إلى المشروع</translation>
    </message>
    <message>
        <source>rename the document selected in the list</source>
        <translation>إعادة تسمية الوثيقة المحددة في القائمة</translation>
    </message>
    <message>
        <source>export</source>
        <translation>تصدير</translation>
    </message>
    <message>
        <source>quit</source>
        <translation>خروج</translation>
    </message>
    <message>
        <source>fill the shown event's first nine roles with the selected span</source>
        <translation>ملء الأدوار التسعة الأولى للحدث المعروض بالمقطع المحدَّد</translation>
    </message>
    <message>
        <source>this table of keys</source>
        <translation>جدول المفاتيح هذا</translation>
    </message>
</context>
<context>
    <name>LabelAllDialog</name>
    <message>
        <source>Label all matches</source>
        <translation>وسم كل النتائج</translation>
    </message>
    <message numerus="yes">
        <source>Label %n match(es) as %1? Untick those that are not.</source>
        <translation>
            <numerusform>لا نتائج لوسمها بـ«%1».</numerusform>
            <numerusform>وسم نتيجة واحدة بـ«%1»؟ أزل العلامة عمّا ليس منها.</numerusform>
            <numerusform>وسم نتيجتين بـ«%1»؟ أزل العلامة عمّا ليس منها.</numerusform>
            <numerusform>وسم %n نتائج بـ«%1»؟ أزل العلامة عمّا ليس منها.</numerusform>
            <numerusform>وسم %n نتيجة بـ«%1»؟ أزل العلامة عمّا ليس منها.</numerusform>
            <numerusform>وسم %n نتيجة بـ«%1»؟ أزل العلامة عمّا ليس منها.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n match(es) inside a longer word left out.</source>
        <translation>
            <numerusform>لم تُترك أي نتيجة داخل كلمة أطول.</numerusform>
            <numerusform>تُركت نتيجة واحدة داخل كلمة أطول.</numerusform>
            <numerusform>تُركت نتيجتان داخل كلمات أطول.</numerusform>
            <numerusform>تُركت %n نتائج داخل كلمات أطول.</numerusform>
            <numerusform>تُركت %n نتيجة داخل كلمات أطول.</numerusform>
            <numerusform>تُركت %n نتيجة داخل كلمات أطول.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n match(es) labelled %1 already left out.</source>
        <translation>
            <numerusform>لم تُترك أي نتيجة موسومة %1 من قبل.</numerusform>
            <numerusform>تُركت نتيجة واحدة موسومة %1 من قبل.</numerusform>
            <numerusform>تُركت نتيجتان موسومتان %1 من قبل.</numerusform>
            <numerusform>تُركت %n نتائج موسومة %1 من قبل.</numerusform>
            <numerusform>تُركت %n نتيجة موسومة %1 من قبل.</numerusform>
            <numerusform>تُركت %n نتيجة موسومة %1 من قبل.</numerusform>
        </translation>
    </message>
    <message>
        <source>Label</source>
        <translation>وسم</translation>
    </message>
</context>
<context>
    <name>LabelTableModel</name>
    <message>
        <source>Key</source>
        <translation>المفتاح</translation>
    </message>
    <message>
        <source>Arabic</source>
        <translation>العربية</translation>
    </message>
    <message>
        <source>English</source>
        <translation>الإنجليزية</translation>
    </message>
</context>
<context>
    <name>LabellingController</name>
    <message>
        <source>Select some text to label, or click a span to relabel it.</source>
        <translation>حدِّد نصًا لوسمه، أو انقر مقطعًا لتغيير وسمه.</translation>
    </message>
    <message>
        <source>No matches in this document.</source>
        <translation>لا نتائج في هذه الوثيقة.</translation>
    </message>
    <message numerus="yes">
        <source>Labelled %n match(es).</source>
        <translation>
            <numerusform>لم تُوسم أي نتيجة.</numerusform>
            <numerusform>وُسمت نتيجة واحدة.</numerusform>
            <numerusform>وُسمت نتيجتان.</numerusform>
            <numerusform>وُسمت %n نتائج.</numerusform>
            <numerusform>وُسمت %n نتيجة.</numerusform>
            <numerusform>وُسمت %n نتيجة.</numerusform>
        </translation>
    </message>
    <message>
        <source>That is labelled %1 already.</source>
        <translation>هذا موسوم بـ%1 من قبل.</translation>
    </message>
    <message numerus="yes">
        <source>Label %n span(s) as %1</source>
        <translation>
            <numerusform>وسم %n مقطع بـ%1</numerusform>
            <numerusform>وسم مقطع واحد بـ%1</numerusform>
            <numerusform>وسم مقطعين بـ%1</numerusform>
            <numerusform>وسم %n مقاطع بـ%1</numerusform>
            <numerusform>وسم %n مقطعًا بـ%1</numerusform>
            <numerusform>وسم %n مقطع بـ%1</numerusform>
        </translation>
    </message>
    <message>
        <source>This span is an event trigger: change its type in the events panel.</source>
        <translation>هذا المقطع مُطلِق حدث: غيِّر نوعه في لوحة الأحداث.</translation>
    </message>
    <message>
        <source>Relabel as %1</source>
        <translation>تغيير الوسم إلى %1</translation>
    </message>
    <message>
        <source>Move span ends</source>
        <translation>نقل طرفي المقطع</translation>
    </message>
    <message>
        <source>Set %1</source>
        <translation>تعيين %1</translation>
    </message>
    <message>
        <source>Edit note</source>
        <translation>تعديل الملاحظة</translation>
    </message>
    <message>
        <source>Click a span to select it first.</source>
        <translation>انقر مقطعًا لتحديده أولًا.</translation>
    </message>
    <message>
        <source>Delete span</source>
        <translation>حذف المقطع</translation>
    </message>
    <message numerus="yes">
        <source>This span triggers %n event(s), which will be deleted with it.</source>
        <translation>
            <numerusform>هذا المقطع لا يُطلق أي حدث.</numerusform>
            <numerusform>هذا المقطع يُطلق حدثًا واحدًا سيُحذف معه.</numerusform>
            <numerusform>هذا المقطع يُطلق حدثين سيُحذفان معه.</numerusform>
            <numerusform>هذا المقطع يُطلق %n أحداث ستُحذف معه.</numerusform>
            <numerusform>هذا المقطع يُطلق %n حدثًا ستُحذف معه.</numerusform>
            <numerusform>هذا المقطع يُطلق %n حدث ستُحذف معه.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>It fills %n event role(s), which will be emptied.</source>
        <translation>
            <numerusform>لا يشغل أي دور في حدث.</numerusform>
            <numerusform>يشغل دورًا واحدًا في حدث وسيُفرَّغ.</numerusform>
            <numerusform>يشغل دورين في أحداث وسيُفرَّغان.</numerusform>
            <numerusform>يشغل %n أدوار في أحداث وستُفرَّغ.</numerusform>
            <numerusform>يشغل %n دورًا في أحداث وستُفرَّغ.</numerusform>
            <numerusform>يشغل %n دور في أحداث وستُفرَّغ.</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete it?</source>
        <translation>أتحذفه؟</translation>
    </message>
    <message>
        <source>«%1» occurs %2 more times: search for it to label them all at once.</source>
        <translation>يتكرر «%1» %2 مرة أخرى: ابحث عنه لوسم المواضع كلها دفعة واحدة.</translation>
    </message>
    <message>
        <source>No suggestions in this document.</source>
        <translation>لا اقتراحات في هذه الوثيقة.</translation>
    </message>
    <message>
        <source>Suggestion: %1. Enter accepts it, Shift+Enter everywhere in the document; Backspace or Escape rejects it.</source>
        <translation>اقتراح: %1. ‏Enter يقبله، وShift+Enter يقبله في كل مواضعه في الوثيقة، وBackspace أو Escape يرفضه.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>No more documents that way.</source>
        <translation>لا وثائق أخرى في هذا الاتجاه.</translation>
    </message>
    <message>
        <source>Mark done</source>
        <translation>وضع علامة الاكتمال</translation>
    </message>
    <message>
        <source>Mark not done</source>
        <translation>إزالة علامة الاكتمال</translation>
    </message>
    <message>
        <source>Rename document</source>
        <translation>إعادة تسمية الوثيقة</translation>
    </message>
    <message>
        <source>Done: %1 of %2</source>
        <translation>المكتمل: %1 من %2</translation>
    </message>
    <message>
        <source>Delete span</source>
        <translation>حذف المقطع</translation>
    </message>
    <message>
        <source>%1 — %2 — Tawsim Workbench</source>
        <translation>%1 — %2 — منصة توسيم</translation>
    </message>
    <message>
        <source>%3 — %1 — %2 — Tawsim Workbench</source>
        <translation>%3 — %1 — %2 — منصة توسيم</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>الوثائق</translation>
    </message>
    <message>
        <source>Labels</source>
        <translation>الوسوم</translation>
    </message>
    <message>
        <source>Spans</source>
        <translation>المقاطع</translation>
    </message>
    <message>
        <source>Inspector</source>
        <translation>الخصائص</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>البحث</translation>
    </message>
    <message>
        <source>Event types</source>
        <translation>أنواع الأحداث</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>الأحداث</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>الحدث</translation>
    </message>
    <message>
        <source>Annotator: %1</source>
        <translation>المُوسِّم: %1</translation>
    </message>
</context>
<context>
    <name>MatchTableModel</name>
    <message>
        <source>Document</source>
        <translation>الوثيقة</translation>
    </message>
    <message>
        <source>Context</source>
        <translation>السياق</translation>
    </message>
</context>
<context>
    <name>Merge</name>
    <message>
        <source>Tawsim projects (*.tawsim)</source>
        <translation>مشاريع توسيم (*.tawsim)</translation>
    </message>
    <message>
        <source>Merged {packages} packages: {replaced} annotation sets taken from them (newer), {unchanged} unchanged.
{paths}</source>
        <translation>دُمجت {packages} حزمة: أُخذت منها {replaced} مجموعة توسيم (أحدث)، وبقيت {unchanged} دون تغيير.
{paths}</translation>
    </message>
    <message>
        <source>{count} of the sets taken had been changed in this project too since their package was written; the package's replaced them: {names}</source>
        <translation>{count} من المجموعات المأخوذة كانت قد تغيّرت في هذا المشروع أيضًا منذ كُتبت حزمتها، فحلّت محلها مجموعات الحزمة: {names}</translation>
    </message>
    <message>
        <source>The project's versions are kept: File &gt; Replaced versions…</source>
        <translation>نسخ المشروع محفوظة: ملف &gt; النسخ المستبدَلة…</translation>
    </message>
    <message>
        <source>Merging packages</source>
        <translation>جارٍ دمج الحزم</translation>
    </message>
    <message>
        <source>Merge packages</source>
        <translation>دمج الحزم</translation>
    </message>
</context>
<context>
    <name>NewProjectDialog</name>
    <message>
        <source>New project</source>
        <translation>مشروع جديد</translation>
    </message>
    <message>
        <source>Schema:</source>
        <translation>المخطط:</translation>
    </message>
    <message>
        <source>A schema file (YAML)…</source>
        <translation>ملف مخطط (YAML)…</translation>
    </message>
    <message>
        <source>Choose a schema file</source>
        <translation>اختر ملف مخطط</translation>
    </message>
    <message>
        <source>Schemas (*.yaml *.yml *.json)</source>
        <translation>المخططات (*.yaml *.yml *.json)</translation>
    </message>
    <message>
        <source>Save the new project as</source>
        <translation>احفظ المشروع الجديد باسم</translation>
    </message>
</context>
<context>
    <name>ProjectDialogs</name>
    <message>
        <source>Tawsim projects (*%1)</source>
        <translation>مشاريع توسيم (*%1)</translation>
    </message>
    <message>
        <source>Open a project</source>
        <translation>افتح مشروعًا</translation>
    </message>
    <message>
        <source>Conflict news: entities and events (ACE 2005 style)</source>
        <translation>أخبار النزاعات: كيانات وأحداث (على نمط ACE 2005)</translation>
    </message>
    <message>
        <source>Generic named entities (CoNLL)</source>
        <translation>كيانات مسمّاة عامة (CoNLL)</translation>
    </message>
    <message>
        <source>Wojood nested entities</source>
        <translation>كيانات وجود المتداخلة</translation>
    </message>
    <message>
        <source>ACE 2005 entities and events</source>
        <translation>كيانات وأحداث ACE 2005</translation>
    </message>
</context>
<context>
    <name>ErrorWords</name>
    <message>
        <source>There is nothing to split: no document has annotations of the chosen source.</source>
        <translation>لا شيء للتقسيم: ليس في أي وثيقة توسيمات من المصدر المختار.</translation>
    </message>
    <message>
        <source>Too few documents to give every part of the split one; left empty: {parts}. Split by sentences, or change the percentages.</source>
        <translation>الوثائق أقل من أن يصيب كلَّ جزء من التقسيم واحدةٌ منها؛ يبقى فارغًا: {parts}. قسِّم حسب الجمل، أو غيِّر النسب.</translation>
    </message>
    <message>
        <source>Too few sentences to give every part of the split one; left empty: {parts}. Change the percentages.</source>
        <translation>الجمل أقل من أن يصيب كلَّ جزء من التقسيم واحدةٌ منها؛ يبقى فارغًا: {parts}. غيِّر النسب.</translation>
    </message>
    <message>
        <source>, </source>
        <translation>، </translation>
    </message>
    <message>
        <source>train</source>
        <translation>التدريب</translation>
    </message>
    <message>
        <source>validation</source>
        <translation>التحقق</translation>
    </message>
    <message>
        <source>test</source>
        <translation>الاختبار</translation>
    </message>
    <message>
        <source>{path} is the project itself; choose another path.</source>
        <translation>المسار {path} هو المشروع نفسه؛ اختر مسارًا آخر.</translation>
    </message>
    <message>
        <source>{path} is one of the project&apos;s own files; choose another path.</source>
        <translation>المسار {path} من ملفات المشروع نفسه؛ اختر مسارًا آخر.</translation>
    </message>
    <message>
        <source>{path} is a database (a project or a package); choose another path.</source>
        <translation>المسار {path} قاعدة بيانات (مشروع أو حزمة)؛ اختر مسارًا آخر.</translation>
    </message>
    <message>
        <source>The folder {path} holds the project; choose another path.</source>
        <translation>المجلد {path} يحوي المشروع؛ اختر مسارًا آخر.</translation>
    </message>
    <message>
        <source>The folder {path} holds a database (a project or a package); choose another path.</source>
        <translation>المجلد {path} يحوي قاعدة بيانات (مشروع أو حزمة)؛ اختر مسارًا آخر.</translation>
    </message>
    <message>
        <source>Could not write {path}: {reason}. Nothing of it was kept.</source>
        <translation>تعذّرت الكتابة في {path}: {reason}. لم يُحفظ منه شيء.</translation>
    </message>
    <message>
        <source>the disk is full, or the file too large for it</source>
        <translation>القرص ممتلئ، أو الملف أكبر مما يتّسع له</translation>
    </message>
    <message>
        <source>you may not write there</source>
        <translation>لا إذن لك بالكتابة هناك</translation>
    </message>
    <message>
        <source>it is on read-only media</source>
        <translation>إنه على وسيط للقراءة فقط</translation>
    </message>
    <message>
        <source>{path}: the project is locked by another program; try again when that program has finished with it.</source>
        <translation>المشروع {path} مقفل لدى برنامج آخر؛ أعد المحاولة حين ينتهي منه ذلك البرنامج.</translation>
    </message>
    <message>
        <source>{path}: another program is changing the project (an import, say); try again when that program has finished with it.</source>
        <translation>برنامج آخر يغيّر المشروع {path} الآن (استيراد مثلًا)؛ أعد المحاولة حين ينتهي منه ذلك البرنامج.</translation>
    </message>
    <message>
        <source>There is no project file at {path}.</source>
        <translation>لا يوجد ملف مشروع في {path}.</translation>
    </message>
    <message>
        <source>{path} is not a Tawsim project file.</source>
        <translation>الملف {path} ليس ملف مشروع توسيم.</translation>
    </message>
    <message>
        <source>{path} was written by a newer version of Tawsim Workbench. Update the program to open it; the file was left untouched.</source>
        <translation>كُتب الملف {path} بإصدار أحدث من منصة توسيم. حدِّث البرنامج لتفتحه؛ لم يُمَسّ الملف.</translation>
    </message>
    <message>
        <source>{path} is on read-only media or in a folder you cannot write to; copy it to a writable folder to change it.</source>
        <translation>المشروع {path} على وسيط للقراءة فقط أو في مجلد لا تملك الكتابة فيه؛ انسخه إلى مجلد تملك الكتابة فيه لتغيّره.</translation>
    </message>
    <message>
        <source>The files are of several formats: {found}. Import those of one format at a time.</source>
        <translation>الملفات من صيغ عدة: {found}. استورد ملفات كل صيغة على حدة.</translation>
    </message>
    <message>
        <source>{path} ({format})</source>
        <translation>{path} ({format})</translation>
    </message>
    <message>
        <source>{place}: “{label}” is not a label of the project's schema. The window imports the schema's labels only; to read others as the schema's, import the file from the command line with --label-map.</source>
        <translation>في {place}: «{label}» ليس من وسوم مخطط المشروع. لا تستورد النافذة إلا وسوم المخطط؛ ولقراءة غيرها على أنها من وسومه، استورد الملف من سطر الأوامر مع ⁦--label-map⁩.</translation>
    </message>
    <message>
        <source>{place}: {problem}</source>
        <translation>تعذّرت قراءة {place}: {problem}</translation>
    </message>
    <message>
        <source>{path}, {place}</source>
        <translation>{path}، {place}</translation>
    </message>
    <message>
        <source>task {task}</source>
        <translation>المهمة {task}</translation>
    </message>
    <message>
        <source>task {task} (id {id})</source>
        <translation>المهمة {task} (المعرّف {id})</translation>
    </message>
    <message>
        <source>line {line}</source>
        <translation>السطر {line}</translation>
    </message>
    <message>
        <source>column {column}</source>
        <translation>العمود {column}</translation>
    </message>
    <message>
        <source>byte {byte}</source>
        <translation>البايت {byte}</translation>
    </message>
    <message>
        <source>result {result}</source>
        <translation>النتيجة {result}</translation>
    </message>
    <message>
        <source>{menu} &gt; {item}</source>
        <translation>{menu} ← {item}</translation>
    </message>
    <message>
        <source>{path}: the workbench cannot tell its format from its name. Choose its format among the file types of {menu}.</source>
        <translation>لا تعرف منصة العمل صيغة الملف {path} من اسمه. اختر صيغته من أنواع الملفات في {menu}.</translation>
    </message>
    <message>
        <source>{path} looks like CoNLL: a token and its tags on each line. Choose “{format}” among the file types of {menu}.</source>
        <translation>يبدو {path} ملف CoNLL: كلمة ووسومها في كل سطر. اختر «{format}» من أنواع الملفات في {menu}.</translation>
    </message>
    <message>
        <source>{path} is a .tsv file whose lines are not a token and its tags, as CoNLL's are. If it is plain text, rename it .txt or choose “{format}” among the file types of {menu}.</source>
        <translation>الملف {path} من نوع ⁦.tsv⁩ وليست أسطره كلمةً ووسومها كأسطر CoNLL. إن كان نصًا عاديًا فغيّر امتداده إلى ⁦.txt⁩ أو اختر «{format}» من أنواع الملفات في {menu}.</translation>
    </message>
    <message>
        <source>{path} looks like doccano's JSONL, not the workbench's. Choose “{format}” among the file types of {menu}.</source>
        <translation>يبدو {path} ملف JSONL من doccano لا من منصة العمل. اختر «{format}» من أنواع الملفات في {menu}.</translation>
    </message>
    <message>
        <source>{path} looks like doccano's JSON export. Export JSONL from doccano, then import that file choosing “{format}” among the file types of {menu}.</source>
        <translation>يبدو {path} تصديرَ JSON من doccano. صدِّر من doccano بصيغة JSONL، ثم استورد ذلك الملف باختيار «{format}» من أنواع الملفات في {menu}.</translation>
    </message>
    <message>
        <source>{path} looks like Label Studio's JSON_MIN export, which leaves out the tasks' texts. Export the project from Label Studio as JSON, and import that file.</source>
        <translation>يبدو {path} تصديرَ JSON_MIN من Label Studio، وهو يُسقط نصوص المهام. صدِّر المشروع من Label Studio بصيغة JSON، واستورد ذلك الملف.</translation>
    </message>
    <message>
        <source>{path} is empty.</source>
        <translation>الملف {path} فارغ.</translation>
    </message>
    <message>
        <source>{path} is UTF-32 text, which the workbench does not read: save it as UTF-8.</source>
        <translation>الملف {path} نص بترميز UTF-32، ولا تقرؤه منصة العمل: احفظه بترميز UTF-8.</translation>
    </message>
    <message>
        <source>{path} holds only a byte-order mark and no text.</source>
        <translation>لا يحوي الملف {path} إلا علامة ترتيب البايتات، ولا نص فيه.</translation>
    </message>
    <message>
        <source>{place}: not UTF-8 text. The file is binary, or text in another encoding (Windows-1256, say): save it as UTF-8.</source>
        <translation>تعذّرت قراءة {place}: ليس نصًا بترميز UTF-8. الملف ثنائي، أو نص بترميز آخر (Windows-1256 مثلًا): احفظه بترميز UTF-8.</translation>
    </message>
    <message>
        <source>{place}: not valid UTF-16 text.</source>
        <translation>تعذّرت قراءة {place}: ليس نصًا سليمًا بترميز UTF-16.</translation>
    </message>
    <message>
        <source>{place}: a control character ({character}) that text does not hold. The file is binary, or text in another encoding: save it as UTF-8.</source>
        <translation>تعذّرت قراءة {place}: فيه محرف تحكّم ({character}) لا يكون في النصوص. الملف ثنائي، أو نص بترميز آخر: احفظه بترميز UTF-8.</translation>
    </message>
</context>
<context>
    <name>ProjectWindows</name>
    <message>
        <source>Updating {name} for this version; its backup: {backup}</source>
        <translation>يُحدَّث {name} لهذا الإصدار؛ نسخته الاحتياطية: {backup}</translation>
    </message>
</context>
<context>
    <name>ProjectMenu</name>
    <message numerus="yes">
        <source>Exported %n document(s) to %1</source>
        <translation>
            <numerusform>صُدِّر %n مستند إلى %1</numerusform>
            <numerusform>صُدِّر مستند واحد إلى %1</numerusform>
            <numerusform>صُدِّر مستندان إلى %1</numerusform>
            <numerusform>صُدِّرت %n مستندات إلى %1</numerusform>
            <numerusform>صُدِّر %n مستندًا إلى %1</numerusform>
            <numerusform>صُدِّر %n مستند إلى %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>QPlatformTheme</name>
    <message>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
</context>
<context>
    <name>RelationController</name>
    <message>
        <source>%1 does not link %2 to %3; it links %4 to %5</source>
        <translation>العلاقة «%1» لا تربط %2 بـ%3، بل تربط %4 بـ%5</translation>
    </message>
    <message>
        <source>Not for these labels</source>
        <translation>لا تناسب هذين الوسمين</translation>
    </message>
    <message>
        <source>Add relation</source>
        <translation>إضافة علاقة</translation>
    </message>
    <message>
        <source>Delete relation</source>
        <translation>حذف العلاقة</translation>
    </message>
    <message>
        <source>Change relation type</source>
        <translation>تغيير نوع العلاقة</translation>
    </message>
    <message>
        <source>Set document label</source>
        <translation>تعيين وسم الوثيقة</translation>
    </message>
    <message>
        <source>Relations</source>
        <translation>العلاقات</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>الوثيقة</translation>
    </message>
</context>
<context>
    <name>RelationPanel</name>
    <message>
        <source>Relation</source>
        <translation>العلاقة</translation>
    </message>
    <message>
        <source>From</source>
        <translation>من</translation>
    </message>
    <message>
        <source>To</source>
        <translation>إلى</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>التحقق</translation>
    </message>
    <message>
        <source>Type:</source>
        <translation>النوع:</translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <source>%1 of %2</source>
        <translation>%1 من %2</translation>
    </message>
    <message numerus="yes">
        <source>%n match(es)</source>
        <translation>
            <numerusform>لا نتائج</numerusform>
            <numerusform>نتيجة واحدة</numerusform>
            <numerusform>نتيجتان</numerusform>
            <numerusform>%n نتائج</numerusform>
            <numerusform>%n نتيجة</numerusform>
            <numerusform>%n نتيجة</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 matches</source>
        <translation>%1 نتيجة</translation>
    </message>
    <message>
        <source>Searching… %1</source>
        <translation>جارٍ البحث… %1</translation>
    </message>
    <message>
        <source>Search (diacritics and letter forms ignored)</source>
        <translation>بحث (دون اعتبار للتشكيل وصور الحروف)</translation>
    </message>
    <message>
        <source>This document</source>
        <translation>هذه الوثيقة</translation>
    </message>
    <message>
        <source>All documents</source>
        <translation>كل الوثائق</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>السابق</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>التالي</translation>
    </message>
    <message>
        <source>Label all matches in this document</source>
        <translation>وسم كل النتائج في هذه الوثيقة</translation>
    </message>
</context>
<context>
    <name>SpanInspector</name>
    <message>
        <source>Text</source>
        <translation>النص</translation>
    </message>
    <message>
        <source>Start – end</source>
        <translation>البداية – النهاية</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>الوسم</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>ملاحظة</translation>
    </message>
    <message>
        <source>A note on this span</source>
        <translation>ملاحظة على هذا المقطع</translation>
    </message>
</context>
<context>
    <name>SpanTableModel</name>
    <message>
        <source>Text</source>
        <translation>النص</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>الوسم</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>البداية</translation>
    </message>
    <message>
        <source>End</source>
        <translation>النهاية</translation>
    </message>
</context>
<context>
    <name>StatisticsDialog</name>
    <message>
        <source>Statistics</source>
        <translation>الإحصاءات</translation>
    </message>
    <message>
        <source>Figure</source>
        <translation>المقياس</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>الفريق</translation>
    </message>
    <message>
        <source>Time is active time: a pause of more than five minutes between two actions counts as a break. A document counts as with suggestions when one was accepted or rejected on it.</source>
        <translation>الوقت هو وقت العمل الفعلي: التوقف أكثر من خمس دقائق بين إجراءين يُحسب استراحة. وتُحسب الوثيقة «مع اقتراحات» إذا قُبل فيها اقتراح أو رُفض.</translation>
    </message>
    <message>
        <source>Documents per hour</source>
        <translation>الوثائق في الساعة</translation>
    </message>
    <message>
        <source>Spans per hour</source>
        <translation>المقاطع في الساعة</translation>
    </message>
    <message>
        <source>Suggestions accepted</source>
        <translation>نسبة الاقتراحات المقبولة</translation>
    </message>
    <message>
        <source>Suggestions accepted (count)</source>
        <translation>الاقتراحات المقبولة (العدد)</translation>
    </message>
    <message>
        <source>Suggestions rejected (count)</source>
        <translation>الاقتراحات المرفوضة (العدد)</translation>
    </message>
    <message>
        <source>Time per document with suggestions (min:s)</source>
        <translation>الوقت لكل وثيقة مع اقتراحات (دقيقة:ثانية)</translation>
    </message>
    <message>
        <source>Time per document without suggestions (min:s)</source>
        <translation>الوقت لكل وثيقة بلا اقتراحات (دقيقة:ثانية)</translation>
    </message>
    <message>
        <source>Active time (h:min)</source>
        <translation>وقت العمل الفعلي (ساعة:دقيقة)</translation>
    </message>
</context>
<context>
    <name>Status</name>
    <message>
        <source>new</source>
        <translation>جديدة</translation>
    </message>
    <message>
        <source>in progress</source>
        <translation>قيد العمل</translation>
    </message>
    <message>
        <source>done</source>
        <translation>مكتملة</translation>
    </message>
</context>
<context>
    <name>StoredSuggestions</name>
    <message>
        <source>Accept suggestion: %1</source>
        <translation>قبول الاقتراح: %1</translation>
    </message>
    <message>
        <source>Reject suggestion</source>
        <translation>رفض الاقتراح</translation>
    </message>
    <message>
        <source>No suggestion here is scored %1 or more.</source>
        <translation>لا اقتراح هنا درجته %1 أو أكثر.</translation>
    </message>
    <message numerus="yes">
        <source>Accept %n suggestion(s)</source>
        <translation>
            <numerusform>قبول %n اقتراح</numerusform>
            <numerusform>قبول اقتراح واحد</numerusform>
            <numerusform>قبول اقتراحين</numerusform>
            <numerusform>قبول %n اقتراحات</numerusform>
            <numerusform>قبول %n اقتراحًا</numerusform>
            <numerusform>قبول %n اقتراح</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Accepted %n suggestion(s).</source>
        <translation>
            <numerusform>لم يُقبل أي اقتراح.</numerusform>
            <numerusform>قُبل اقتراح واحد.</numerusform>
            <numerusform>قُبل اقتراحان.</numerusform>
            <numerusform>قُبلت %n اقتراحات.</numerusform>
            <numerusform>قُبل %n اقتراحًا.</numerusform>
            <numerusform>قُبل %n اقتراح.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ViewPreferences</name>
    <message>
        <source>Text font</source>
        <translation>خط النص</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <source>Welcome — Tawsim Workbench</source>
        <translation>أهلًا — منصة توسيم</translation>
    </message>
    <message>
        <source>Welcome to Tawsim Workbench</source>
        <translation>أهلًا بك في منصة توسيم</translation>
    </message>
    <message>
        <source>Annotate Arabic text: names, events and their roles, right to left. Your name is stored with every annotation you make; the demo project has a few news articles to try it on.</source>
        <translation>وسِّم النص العربي: الأسماء والأحداث وأدوارها، من اليمين إلى اليسار. يُحفظ اسمك مع كل توسيم تضعه، وفي المشروع التجريبي بضع مقالات إخبارية لتجرّب عليها.</translation>
    </message>
    <message>
        <source>Your name:</source>
        <translation>اسمك:</translation>
    </message>
    <message>
        <source>Interface language:</source>
        <translation>لغة الواجهة:</translation>
    </message>
    <message>
        <source>Open the demo project</source>
        <translation>افتح المشروع التجريبي</translation>
    </message>
    <message>
        <source>Open a project…</source>
        <translation>افتح مشروعًا…</translation>
    </message>
    <message>
        <source>New project…</source>
        <translation>مشروع جديد…</translation>
    </message>
    <message>
        <source>The name your annotations carry</source>
        <translation>الاسم الذي تحمله توسيماتك</translation>
    </message>
</context>
<context>
    <name>WindowActions</name>
    <message>
        <source>&amp;File</source>
        <translation>&amp;ملف</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;تحرير</translation>
    </message>
    <message>
        <source>&amp;Label</source>
        <translation>&amp;وسم</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>&amp;انتقال</translation>
    </message>
    <message>
        <source>&amp;Project</source>
        <translation>الم&amp;شروع</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;عرض</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;مساعدة</translation>
    </message>
    <message>
        <source>Panels</source>
        <translation>اللوحات</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>اللغة</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>المظهر</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>إنهاء</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>تصدير…</translation>
    </message>
    <message>
        <source>Merge packages…</source>
        <translation>دمج الحزم…</translation>
    </message>
    <message>
        <source>Replaced versions…</source>
        <translation>النسخ المستبدَلة…</translation>
    </message>
    <message>
        <source>Assignments and packages…</source>
        <translation>التوزيع والحزم…</translation>
    </message>
    <message>
        <source>Agreement…</source>
        <translation>الاتفاق بين المعلّمين…</translation>
    </message>
    <message>
        <source>Adjudicate…</source>
        <translation>الفصل في الاختلافات…</translation>
    </message>
    <message>
        <source>Delete span</source>
        <translation>حذف المقطع</translation>
    </message>
    <message>
        <source>Document done</source>
        <translation>اكتملت الوثيقة</translation>
    </message>
    <message>
        <source>Find…</source>
        <translation>بحث…</translation>
    </message>
    <message>
        <source>Find next</source>
        <translation>النتيجة التالية</translation>
    </message>
    <message>
        <source>Find previous</source>
        <translation>النتيجة السابقة</translation>
    </message>
    <message>
        <source>Next suggestion</source>
        <translation>الاقتراح التالي</translation>
    </message>
    <message>
        <source>Previous suggestion</source>
        <translation>الاقتراح السابق</translation>
    </message>
    <message>
        <source>Accept suggestion</source>
        <translation>قبول الاقتراح</translation>
    </message>
    <message>
        <source>Accept it everywhere in the document</source>
        <translation>قبوله في كل مواضعه في الوثيقة</translation>
    </message>
    <message>
        <source>Reject suggestion</source>
        <translation>رفض الاقتراح</translation>
    </message>
    <message>
        <source>Accept suggestions above…</source>
        <translation>قبول الاقتراحات فوق درجة…</translation>
    </message>
    <message>
        <source>Fill suggestions</source>
        <translation>ملء الاقتراحات</translation>
    </message>
    <message>
        <source>Statistics…</source>
        <translation>الإحصاءات…</translation>
    </message>
    <message>
        <source>Next document</source>
        <translation>الوثيقة التالية</translation>
    </message>
    <message>
        <source>Previous document</source>
        <translation>الوثيقة السابقة</translation>
    </message>
    <message>
        <source>Font…</source>
        <translation>الخط…</translation>
    </message>
    <message>
        <source>Larger text</source>
        <translation>تكبير النص</translation>
    </message>
    <message>
        <source>Smaller text</source>
        <translation>تصغير النص</translation>
    </message>
    <message>
        <source>Default text size</source>
        <translation>حجم النص الافتراضي</translation>
    </message>
    <message>
        <source>Reset layout</source>
        <translation>إعادة ترتيب اللوحات</translation>
    </message>
    <message>
        <source>Label tags</source>
        <translation>وسوم التسميات</translation>
    </message>
    <message>
        <source>Show all arcs</source>
        <translation>إظهار كل الأقواس</translation>
    </message>
    <message>
        <source>Keys…</source>
        <translation>المفاتيح…</translation>
    </message>
    <message>
        <source>As the system</source>
        <translation>كما في النظام</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>فاتح</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>داكن</translation>
    </message>
    <message>
        <source>Undo %1</source>
        <translation>تراجع: %1</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>تراجع</translation>
    </message>
    <message>
        <source>Redo %1</source>
        <translation>إعادة: %1</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>إعادة</translation>
    </message>
</context>
<context>
    <name>_ProgressDialog</name>
    <message>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <source>Your name (it is stored with every annotation):</source>
        <translation>اسمك (يُحفظ مع كل توسيم):</translation>
    </message>
</context>
<context>
    <name>ReplacedVersionsDialog</name>
    <message>
        <source>Replaced versions</source>
        <translation>النسخ المستبدَلة</translation>
    </message>
    <message>
        <source>When a merge takes an annotator&apos;s set that this project had changed too, the project&apos;s version is kept here. Putting one back keeps the set it replaces.</source>
        <translation>حين يأخذ الدمج مجموعةَ مُوسِّم كان هذا المشروع قد غيّرها أيضًا، تُحفظ هنا نسخة المشروع. وإعادة إحداها تحفظ المجموعة التي تحلّ محلّها.</translation>
    </message>
    <message>
        <source>Put back</source>
        <translation>أعِدها</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>الوثيقة</translation>
    </message>
    <message>
        <source>Annotator</source>
        <translation>المُوسِّم</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>الحالة</translation>
    </message>
    <message>
        <source>Spans</source>
        <translation>المقاطع</translation>
    </message>
    <message>
        <source>Replaced</source>
        <translation>استُبدلت في</translation>
    </message>
    <message>
        <source>Replaced by</source>
        <translation>استبدلتها</translation>
    </message>
    <message>
        <source>Reading replaced versions</source>
        <translation>قراءة النسخ المستبدَلة</translation>
    </message>
    <message>
        <source>Putting a version back</source>
        <translation>إعادة نسخة</translation>
    </message>
    <message>
        <source>putting back</source>
        <translation>إعادة نسخة</translation>
    </message>
</context>
</TS>