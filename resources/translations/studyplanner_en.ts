<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
    <context>
        <name>AddMockCommand</name>
        <message>
            <source>Add mock test '{0}'</source>
            <translation>Add mock test '{0}'</translation>
        </message>
    </context>
    <context>
        <name>AddModuleCommand</name>
        <message>
            <source>Add module '{0}'</source>
            <translation>Add module '{0}'</translation>
        </message>
    </context>
    <context>
        <name>AddSessionCommand</name>
        <message>
            <source>Log {0} min on {1}</source>
            <translation>Log {0} min on {1}</translation>
        </message>
    </context>
    <context>
        <name>CalendarHeatmap</name>
        <message>
            <source>Study calendar heatmap</source>
            <translation>Study calendar heatmap</translation>
        </message>
        <message>
            <source>Less</source>
            <translation>Less</translation>
        </message>
    </context>
    <context>
        <name>DeleteMockCommand</name>
        <message>
            <source>Delete mock test '{0}'</source>
            <translation>Delete mock test '{0}'</translation>
        </message>
    </context>
    <context>
        <name>DeleteModuleCommand</name>
        <message>
            <source>Delete module '{0}'</source>
            <translation>Delete module '{0}'</translation>
        </message>
    </context>
    <context>
        <name>DeleteSessionCommand</name>
        <message>
            <source>Delete session of {0} on {1}</source>
            <translation>Delete session of {0} on {1}</translation>
        </message>
    </context>
    <context>
        <name>DomainTableModel</name>
        <message>
            <source>Under 20 questions-equivalent: mostly an estimate from plan progress</source>
            <translation>Under 20 questions-equivalent: mostly an estimate from plan progress</translation>
        </message>
    </context>
    <context>
        <name>EditMockCommand</name>
        <message>
            <source>Edit mock test '{0}'</source>
            <translation>Edit mock test '{0}'</translation>
        </message>
    </context>
    <context>
        <name>EditModuleCommand</name>
        <message>
            <source>Edit module '{0}'</source>
            <translation>Edit module '{0}'</translation>
        </message>
    </context>
    <context>
        <name>EditSessionCommand</name>
        <message>
            <source>Edit session of {0} on {1}</source>
            <translation>Edit session of {0} on {1}</translation>
        </message>
    </context>
    <context>
        <name>ErrorLabel</name>
        <message>
            <source>{0} error</source>
            <translation>{0} error</translation>
        </message>
    </context>
    <context>
        <name>ImportDialog</name>
        <message>
            <source>Line</source>
            <translation>Line</translation>
        </message>
        <message>
            <source>Text</source>
            <translation>Text</translation>
        </message>
        <message>
            <source>Problem</source>
            <translation>Problem</translation>
        </message>
        <message>
            <source>Module</source>
            <translation>Module</translation>
        </message>
        <message>
            <source>Kind</source>
            <translation>Kind</translation>
        </message>
        <message>
            <source>Video</source>
            <translation>Video</translation>
        </message>
        <message>
            <source>Effort (h)</source>
            <translation>Effort (h)</translation>
        </message>
        <message>
            <source>Weeks</source>
            <translation>Weeks</translation>
        </message>
        <message>
            <source>Planned start</source>
            <translation>Planned start</translation>
        </message>
        <message>
            <source>Planned finish</source>
            <translation>Planned finish</translation>
        </message>
        <message>
            <source>{0} is a folder, not a notes file</source>
            <translation>{0} is a folder, not a notes file</translation>
        </message>
        <message>
            <source>the file is {0} bytes; a notes file is plain text of at most 1 MB</source>
            <translation>the file is {0} bytes; a notes file is plain text of at most 1 MB</translation>
        </message>
        <message>
            <source>cannot read {0}: {1}</source>
            <translation>cannot read {0}: {1}</translation>
        </message>
        <message>
            <source>the file is not UTF-8 text; save the notes as UTF-8</source>
            <translation>the file is not UTF-8 text; save the notes as UTF-8</translation>
        </message>
        <message>
            <source>Import notes</source>
            <translation>Import notes</translation>
        </message>
        <message>
            <source>File: {0}</source>
            <translation>File: {0}</translation>
        </message>
        <message>
            <source>Notes file</source>
            <translation>Notes file</translation>
        </message>
        <message>
            <source>Plan found in the notes</source>
            <translation>Plan found in the notes</translation>
        </message>
        <message>
            <source>Plan start date</source>
            <translation>Plan start date</translation>
        </message>
        <message>
            <source>Exam date</source>
            <translation>Exam date</translation>
        </message>
        <message>
            <source>Exam profile</source>
            <translation>Exam profile</translation>
        </message>
        <message>
            <source>Import</source>
            <translation>Import</translation>
        </message>
        <message>
            <source>&amp;Start:</source>
            <translation>&amp;Start:</translation>
        </message>
        <message>
            <source>E&amp;xam:</source>
            <translation>E&amp;xam:</translation>
        </message>
        <message>
            <source>Exam &amp;profile:</source>
            <translation>Exam &amp;profile:</translation>
        </message>
        <message>
            <source>Modules to import</source>
            <translation>Modules to import</translation>
        </message>
        <message>
            <source>Planned mock tests</source>
            <translation>Planned mock tests</translation>
        </message>
        <message>
            <source>Problems in the notes</source>
            <translation>Problems in the notes</translation>
        </message>
        <message>
            <source>Import preview</source>
            <translation>Import preview</translation>
        </message>
        <message>
            <source>Modules</source>
            <translation>Modules</translation>
        </message>
        <message>
            <source>Problems</source>
            <translation>Problems</translation>
        </message>
        <message>
            <source>&amp;Import</source>
            <translation>&amp;Import</translation>
        </message>
        <message>
            <source>Import the plan</source>
            <translation>Import the plan</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <source>Problems ({0})</source>
            <translation>Problems ({0})</translation>
        </message>
        <message numerus="yes">
            <source>The notes have %n problem(s) (listed with their line numbers). Nothing will be imported: correct the notes file and open it again.</source>
            <translation>
                <numerusform>The notes have %n problem (listed with their line numbers). Nothing will be imported: correct the notes file and open it again.</numerusform>
                <numerusform>The notes have %n problems (listed with their line numbers). Nothing will be imported: correct the notes file and open it again.</numerusform>
            </translation>
        </message>
        <message>
            <source>Modules ({0})</source>
            <translation>Modules ({0})</translation>
        </message>
        <message>
            <source>Planned mock tests ({0})</source>
            <translation>Planned mock tests ({0})</translation>
        </message>
        <message>
            <source>; times as at {0}</source>
            <translation>; times as at {0}</translation>
        </message>
        <message>
            <source>{0}: {1}, {2} weeks, {3:.1f} h, planned to end on {4}{5}</source>
            <translation>{0}: {1}, {2} weeks, {3:.1f} h, planned to end on {4}{5}</translation>
        </message>
        <message>
            <source>Study plan</source>
            <translation>Study plan</translation>
        </message>
        <message numerus="yes">
            <source>%n module(s)</source>
            <translation>
                <numerusform>%n module</numerusform>
                <numerusform>%n modules</numerusform>
            </translation>
        </message>
        <message>
            <source>Exam: the exam ({0}) is before the start ({1})</source>
            <translation>Exam: the exam ({0}) is before the start ({1})</translation>
        </message>
    </context>
    <context>
        <name>LogView</name>
        <message>
            <source>{0} h {1:02d} min</source>
            <translation>{0} h {1:02d} min</translation>
        </message>
        <message>
            <source>{0} min</source>
            <translation>{0} min</translation>
        </message>
        <message>
            <source>No plan yet: create or import one first.</source>
            <translation>No plan yet: create or import one first.</translation>
        </message>
        <message>
            <source>No plan</source>
            <translation>No plan</translation>
        </message>
        <message>
            <source>Log</source>
            <translation>Log</translation>
        </message>
        <message>
            <source>Timer</source>
            <translation>Timer</translation>
        </message>
        <message>
            <source>Timer module</source>
            <translation>Timer module</translation>
        </message>
        <message>
            <source>&amp;Module:</source>
            <translation>&amp;Module:</translation>
        </message>
        <message>
            <source>Elapsed time</source>
            <translation>Elapsed time</translation>
        </message>
        <message>
            <source>No timer running</source>
            <translation>No timer running</translation>
        </message>
        <message>
            <source>Timer status</source>
            <translation>Timer status</translation>
        </message>
        <message>
            <source>Timer session note</source>
            <translation>Timer session note</translation>
        </message>
        <message>
            <source>Note for the session when you stop (optional)</source>
            <translation>Note for the session when you stop (optional)</translation>
        </message>
        <message>
            <source>&amp;Start</source>
            <translation>&amp;Start</translation>
        </message>
        <message>
            <source>Start timer</source>
            <translation>Start timer</translation>
        </message>
        <message>
            <source>&amp;Pause</source>
            <translation>&amp;Pause</translation>
        </message>
        <message>
            <source>Pause timer</source>
            <translation>Pause timer</translation>
        </message>
        <message>
            <source>&amp;Resume</source>
            <translation>&amp;Resume</translation>
        </message>
        <message>
            <source>Resume timer</source>
            <translation>Resume timer</translation>
        </message>
        <message>
            <source>S&amp;top and log</source>
            <translation>S&amp;top and log</translation>
        </message>
        <message>
            <source>Stop timer and log the session</source>
            <translation>Stop timer and log the session</translation>
        </message>
        <message>
            <source>&amp;Discard</source>
            <translation>&amp;Discard</translation>
        </message>
        <message>
            <source>Discard timer</source>
            <translation>Discard timer</translation>
        </message>
        <message>
            <source>Video position</source>
            <translation>Video position</translation>
        </message>
        <message>
            <source>h:mm:ss</source>
            <translation>h:mm:ss</translation>
        </message>
        <message>
            <source>Watched &amp;to:</source>
            <translation>Watched &amp;to:</translation>
        </message>
        <message>
            <source>Video length and progress</source>
            <translation>Video length and progress</translation>
        </message>
        <message>
            <source>Record &amp;position</source>
            <translation>Record &amp;position</translation>
        </message>
        <message>
            <source>Record video position</source>
            <translation>Record video position</translation>
        </message>
        <message>
            <source>Note:</source>
            <translation>Note:</translation>
        </message>
        <message>
            <source>Study sessions</source>
            <translation>Study sessions</translation>
        </message>
        <message>
            <source>Filter by module</source>
            <translation>Filter by module</translation>
        </message>
        <message>
            <source>Filter by period</source>
            <translation>Filter by period</translation>
        </message>
        <message>
            <source>Mod&amp;ule:</source>
            <translation>Mod&amp;ule:</translation>
        </message>
        <message>
            <source>Peri&amp;od:</source>
            <translation>Peri&amp;od:</translation>
        </message>
        <message>
            <source>&amp;Add…</source>
            <translation>&amp;Add…</translation>
        </message>
        <message>
            <source>Add session</source>
            <translation>Add session</translation>
        </message>
        <message>
            <source>Log study time after the fact (Ctrl+L)</source>
            <translation>Log study time after the fact (Ctrl+L)</translation>
        </message>
        <message>
            <source>&amp;Edit…</source>
            <translation>&amp;Edit…</translation>
        </message>
        <message>
            <source>Edit session</source>
            <translation>Edit session</translation>
        </message>
        <message>
            <source>De&amp;lete</source>
            <translation>De&amp;lete</translation>
        </message>
        <message>
            <source>Delete session</source>
            <translation>Delete session</translation>
        </message>
        <message>
            <source>Delete the selected session (Del); undo brings it back</source>
            <translation>Delete the selected session (Del); undo brings it back</translation>
        </message>
        <message>
            <source>Sessions summary</source>
            <translation>Sessions summary</translation>
        </message>
        <message>
            <source>Sessions</source>
            <translation>Sessions</translation>
        </message>
        <message>
            <source>Study sessions table</source>
            <translation>Study sessions table</translation>
        </message>
        <message>
            <source>All modules</source>
            <translation>All modules</translation>
        </message>
        <message>
            <source>{0} elapsed</source>
            <translation>{0} elapsed</translation>
        </message>
        <message>
            <source>Paused</source>
            <translation>Paused</translation>
        </message>
        <message>
            <source>Running</source>
            <translation>Running</translation>
        </message>
        <message>
            <source>{0} on {1} since {2}{3:%H:%M}</source>
            <translation>{0} on {1} since {2}{3:%H:%M}</translation>
        </message>
        <message>
            <source>Timer started on {0}</source>
            <translation>Timer started on {0}</translation>
        </message>
        <message>
            <source>Timer paused</source>
            <translation>Timer paused</translation>
        </message>
        <message>
            <source>Timer resumed</source>
            <translation>Timer resumed</translation>
        </message>
        <message>
            <source>Timer stopped under a minute: nothing logged</source>
            <translation>Timer stopped under a minute: nothing logged</translation>
        </message>
        <message>
            <source>Stop timer: {0} min on {1}</source>
            <translation>Stop timer: {0} min on {1}</translation>
        </message>
        <message>
            <source>Logged {0} min on {1}</source>
            <translation>Logged {0} min on {1}</translation>
        </message>
        <message>
            <source>Discard the timer on {0} ({1}) without logging it?</source>
            <translation>Discard the timer on {0} ({1}) without logging it?</translation>
        </message>
        <message>
            <source>Timer discarded</source>
            <translation>Timer discarded</translation>
        </message>
        <message>
            <source>(not a video module)</source>
            <translation>(not a video module)</translation>
        </message>
        <message>
            <source>of {0}  (now {1:.0f} % done)</source>
            <translation>of {0}  (now {1:.0f} % done)</translation>
        </message>
        <message>
            <source>{0}: watched to {1} of {2}</source>
            <translation>{0}: watched to {1} of {2}</translation>
        </message>
        <message numerus="yes">
            <source>%n session(s), {0}</source>
            <translation>
                <numerusform>%n session, {0}</numerusform>
                <numerusform>%n sessions, {0}</numerusform>
            </translation>
        </message>
        <message>
            <source>No plan yet: create or import one first</source>
            <translation>No plan yet: create or import one first</translation>
        </message>
        <message>
            <source>Deleted the session of {0} (Ctrl+Z undoes)</source>
            <translation>Deleted the session of {0} (Ctrl+Z undoes)</translation>
        </message>
    </context>
    <context>
        <name>MatrixModel</name>
        <message>
            <source>Share of {0}: {1}</source>
            <translation>Share of {0}: {1}</translation>
        </message>
        <message>
            <source>Module</source>
            <translation>Module</translation>
        </message>
        <message>
            <source>Total</source>
            <translation>Total</translation>
        </message>
    </context>
    <context>
        <name>MockDialog</name>
        <message>
            <source>Edit mock test</source>
            <translation>Edit mock test</translation>
        </message>
        <message>
            <source>Add mock test</source>
            <translation>Add mock test</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>Name</translation>
        </message>
        <message>
            <source>e.g. Test 1</source>
            <translation>e.g. Test 1</translation>
        </message>
        <message>
            <source>Date taken</source>
            <translation>Date taken</translation>
        </message>
        <message>
            <source>Score</source>
            <translation>Score</translation>
        </message>
        <message>
            <source>correct/total, e.g. 44/65</source>
            <translation>correct/total, e.g. 44/65</translation>
        </message>
        <message>
            <source>Minutes taken</source>
            <translation>Minutes taken</translation>
        </message>
        <message>
            <source>not recorded</source>
            <translation>not recorded</translation>
        </message>
        <message>
            <source> min</source>
            <translation> min</translation>
        </message>
        <message>
            <source>&amp;Practice exam</source>
            <translation>&amp;Practice exam</translation>
        </message>
        <message>
            <source>Practice exam</source>
            <translation>Practice exam</translation>
        </message>
        <message>
            <source>&amp;Topic quiz on</source>
            <translation>&amp;Topic quiz on</translation>
        </message>
        <message>
            <source>Topic quiz</source>
            <translation>Topic quiz</translation>
        </message>
        <message>
            <source>Topic quiz module</source>
            <translation>Topic quiz module</translation>
        </message>
        <message>
            <source>Date</source>
            <translation>Date</translation>
        </message>
        <message>
            <source>Minutes</source>
            <translation>Minutes</translation>
        </message>
        <message>
            <source>Domains</source>
            <translation>Domains</translation>
        </message>
        <message>
            <source>Mock test</source>
            <translation>Mock test</translation>
        </message>
        <message>
            <source>&amp;Name:</source>
            <translation>&amp;Name:</translation>
        </message>
        <message>
            <source>&amp;Date:</source>
            <translation>&amp;Date:</translation>
        </message>
        <message>
            <source>&amp;Score:</source>
            <translation>&amp;Score:</translation>
        </message>
        <message>
            <source>&amp;Minutes:</source>
            <translation>&amp;Minutes:</translation>
        </message>
        <message>
            <source>Kind:</source>
            <translation>Kind:</translation>
        </message>
        <message>
            <source>Per-domain counts (optional)</source>
            <translation>Per-domain counts (optional)</translation>
        </message>
        <message>
            <source>Per-domain counts</source>
            <translation>Per-domain counts</translation>
        </message>
        <message>
            <source>Leave a domain empty if the test did not report it.</source>
            <translation>Leave a domain empty if the test did not report it.</translation>
        </message>
        <message>
            <source>{0} score</source>
            <translation>{0} score</translation>
        </message>
        <message>
            <source>e.g. 8/9</source>
            <translation>e.g. 8/9</translation>
        </message>
        <message>
            <source>Save mock test</source>
            <translation>Save mock test</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <source>This value is not accepted</source>
            <translation>This value is not accepted</translation>
        </message>
    </context>
    <context>
        <name>MocksTableModel</name>
        <message>
            <source>Date</source>
            <translation>Date</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>Name</translation>
        </message>
        <message>
            <source>Score</source>
            <translation>Score</translation>
        </message>
        <message>
            <source>Percent</source>
            <translation>Percent</translation>
        </message>
        <message>
            <source>Topic quiz on</source>
            <translation>Topic quiz on</translation>
        </message>
        <message>
            <source>Domain</source>
            <translation>Domain</translation>
        </message>
        <message>
            <source>Correct</source>
            <translation>Correct</translation>
        </message>
    </context>
    <context>
        <name>MocksView</name>
        <message>
            <source>Score history</source>
            <translation>Score history</translation>
        </message>
        <message>
            <source>{0}, {1}: {2} correct ({3})</source>
            <translation>{0}, {1}: {2} correct ({3})</translation>
        </message>
        <message>
            <source> in {0} min</source>
            <translation> in {0} min</translation>
        </message>
        <message>
            <source>. Topic quiz on {0}</source>
            <translation>. Topic quiz on {0}</translation>
        </message>
        <message>
            <source>No plan yet: create or import one first.</source>
            <translation>No plan yet: create or import one first.</translation>
        </message>
        <message>
            <source>No plan</source>
            <translation>No plan</translation>
        </message>
        <message>
            <source>Mock tests</source>
            <translation>Mock tests</translation>
        </message>
        <message>
            <source>&amp;Add mock test…</source>
            <translation>&amp;Add mock test…</translation>
        </message>
        <message>
            <source>Add mock test</source>
            <translation>Add mock test</translation>
        </message>
        <message>
            <source>Add a practice exam with its per-domain counts (Ctrl+M)</source>
            <translation>Add a practice exam with its per-domain counts (Ctrl+M)</translation>
        </message>
        <message>
            <source>Add topic &amp;quiz…</source>
            <translation>Add topic &amp;quiz…</translation>
        </message>
        <message>
            <source>Add topic quiz</source>
            <translation>Add topic quiz</translation>
        </message>
        <message>
            <source>&amp;Edit…</source>
            <translation>&amp;Edit…</translation>
        </message>
        <message>
            <source>Edit mock test</source>
            <translation>Edit mock test</translation>
        </message>
        <message>
            <source>De&amp;lete</source>
            <translation>De&amp;lete</translation>
        </message>
        <message>
            <source>Delete mock test</source>
            <translation>Delete mock test</translation>
        </message>
        <message>
            <source>Mock tests summary</source>
            <translation>Mock tests summary</translation>
        </message>
        <message>
            <source>Mock tests table</source>
            <translation>Mock tests table</translation>
        </message>
        <message>
            <source>Selected test</source>
            <translation>Selected test</translation>
        </message>
        <message>
            <source>Select a test to see its counts per exam domain.</source>
            <translation>Select a test to see its counts per exam domain.</translation>
        </message>
        <message>
            <source>Selected test summary</source>
            <translation>Selected test summary</translation>
        </message>
        <message>
            <source>Per-domain counts</source>
            <translation>Per-domain counts</translation>
        </message>
        <message>
            <source>Per-domain note</source>
            <translation>Per-domain note</translation>
        </message>
        <message>
            <source>{0}, {1}; best {2}</source>
            <translation>{0}, {1}; best {2}</translation>
        </message>
        <message numerus="yes">
            <source>%n practice exam(s)</source>
            <translation>
                <numerusform>%n practice exam</numerusform>
                <numerusform>%n practice exams</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n topic quiz(zes)</source>
            <translation>
                <numerusform>%n topic quiz</numerusform>
                <numerusform>%n topic quizzes</numerusform>
            </translation>
        </message>
        <message>
            <source>No mock tests yet</source>
            <translation>No mock tests yet</translation>
        </message>
        <message>
            <source>A topic quiz counts for its module, not per exam domain.</source>
            <translation>A topic quiz counts for its module, not per exam domain.</translation>
        </message>
        <message>
            <source>Only the overall score was recorded; readiness spreads it by domain weight.</source>
            <translation>Only the overall score was recorded; readiness spreads it by domain weight.</translation>
        </message>
        <message>
            <source>Not reported: </source>
            <translation>Not reported: </translation>
        </message>
        <message>
            <source>All domains reported.</source>
            <translation>All domains reported.</translation>
        </message>
        <message>
            <source>No plan yet: create or import one first</source>
            <translation>No plan yet: create or import one first</translation>
        </message>
        <message>
            <source>Added {0}: {1}</source>
            <translation>Added {0}: {1}</translation>
        </message>
        <message>
            <source>{0} is in the future</source>
            <translation>{0} is in the future</translation>
        </message>
        <message>
            <source>the domain totals add up to more questions than the test had</source>
            <translation>the domain totals add up to more questions than the test had</translation>
        </message>
        <message>
            <source>the domain scores add up to more than the score</source>
            <translation>the domain scores add up to more than the score</translation>
        </message>
        <message>
            <source>Deleted {0} (Ctrl+Z undoes)</source>
            <translation>Deleted {0} (Ctrl+Z undoes)</translation>
        </message>
    </context>
    <context>
        <name>ModuleDialog</name>
        <message>
            <source>Edit module</source>
            <translation>Edit module</translation>
        </message>
        <message>
            <source>Add module</source>
            <translation>Add module</translation>
        </message>
        <message>
            <source>Module name</source>
            <translation>Module name</translation>
        </message>
        <message>
            <source>e.g. DynamoDB</source>
            <translation>e.g. DynamoDB</translation>
        </message>
        <message>
            <source>Module kind</source>
            <translation>Module kind</translation>
        </message>
        <message>
            <source>Effort in hours</source>
            <translation>Effort in hours</translation>
        </message>
        <message>
            <source>hours, e.g. 6.5 (blank: {0} × video length)</source>
            <translation>hours, e.g. 6.5 (blank: {0} × video length)</translation>
        </message>
        <message>
            <source>Weeks</source>
            <translation>Weeks</translation>
        </message>
        <message>
            <source>planned weeks, e.g. 1</source>
            <translation>planned weeks, e.g. 1</translation>
        </message>
        <message>
            <source>Video length</source>
            <translation>Video length</translation>
        </message>
        <message>
            <source>H:MM:SS, e.g. 5:26:18 (blank: no video)</source>
            <translation>H:MM:SS, e.g. 5:26:18 (blank: no video)</translation>
        </message>
        <message>
            <source>Note</source>
            <translation>Note</translation>
        </message>
        <message>
            <source>Effort</source>
            <translation>Effort</translation>
        </message>
        <message>
            <source>Module</source>
            <translation>Module</translation>
        </message>
        <message>
            <source>&amp;Name:</source>
            <translation>&amp;Name:</translation>
        </message>
        <message>
            <source>&amp;Kind:</source>
            <translation>&amp;Kind:</translation>
        </message>
        <message>
            <source>&amp;Effort (h):</source>
            <translation>&amp;Effort (h):</translation>
        </message>
        <message>
            <source>&amp;Weeks:</source>
            <translation>&amp;Weeks:</translation>
        </message>
        <message>
            <source>&amp;Video length:</source>
            <translation>&amp;Video length:</translation>
        </message>
        <message>
            <source>N&amp;ote:</source>
            <translation>N&amp;ote:</translation>
        </message>
        <message>
            <source>Save</source>
            <translation>Save</translation>
        </message>
        <message>
            <source>Add</source>
            <translation>Add</translation>
        </message>
        <message>
            <source>Save module</source>
            <translation>Save module</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <source>a video length cannot be removed once set</source>
            <translation>a video length cannot be removed once set</translation>
        </message>
    </context>
    <context>
        <name>MoveModuleCommand</name>
        <message>
            <source>Move module '{0}' to position {1}</source>
            <translation>Move module '{0}' to position {1}</translation>
        </message>
    </context>
    <context>
        <name>Notifications</name>
        <message>
            <source>{m} min</source>
            <translation>{m} min</translation>
        </message>
        <message>
            <source>{h} h {m:02d} min</source>
            <translation>{h} h {m:02d} min</translation>
        </message>
        <message>
            <source>The timer on {module} has run for {elapsed}. Still studying? Stop it to log it.</source>
            <translation>The timer on {module} has run for {elapsed}. Still studying? Stop it to log it.</translation>
        </message>
        <message>
            <source>Timer still running</source>
            <translation>Timer still running</translation>
        </message>
        <message>
            <source>Your plan is {days:.1f} days behind.</source>
            <translation>Your plan is {days:.1f} days behind.</translation>
        </message>
        <message>
            <source>Studying {hours:.1f} h per week from now catches up by the exam.</source>
            <translation>Studying {hours:.1f} h per week from now catches up by the exam.</translation>
        </message>
        <message>
            <source>Plan behind schedule</source>
            <translation>Plan behind schedule</translation>
        </message>
    </context>
    <context>
        <name>Period</name>
        <message>
            <source>This week</source>
            <translation>This week</translation>
        </message>
        <message>
            <source>This plan week</source>
            <translation>This plan week</translation>
        </message>
        <message>
            <source>Last 30 days</source>
            <translation>Last 30 days</translation>
        </message>
        <message>
            <source>All</source>
            <translation>All</translation>
        </message>
    </context>
    <context>
        <name>PlanTableModel</name>
        <message>
            <source>Module</source>
            <translation>Module</translation>
        </message>
        <message>
            <source>Kind</source>
            <translation>Kind</translation>
        </message>
        <message>
            <source>Effort (h)</source>
            <translation>Effort (h)</translation>
        </message>
        <message>
            <source>Weeks</source>
            <translation>Weeks</translation>
        </message>
        <message>
            <source>Planned start</source>
            <translation>Planned start</translation>
        </message>
        <message>
            <source>Planned finish</source>
            <translation>Planned finish</translation>
        </message>
        <message>
            <source>Progress (%)</source>
            <translation>Progress (%)</translation>
        </message>
        <message>
            <source>Actual (h)</source>
            <translation>Actual (h)</translation>
        </message>
        <message>
            <source>Slip (days)</source>
            <translation>Slip (days)</translation>
        </message>
        <message>
            <source>Projected finish</source>
            <translation>Projected finish</translation>
        </message>
        <message>
            <source>Video</source>
            <translation>Video</translation>
        </message>
        <message>
            <source>Project</source>
            <translation>Project</translation>
        </message>
        <message>
            <source>Practice papers</source>
            <translation>Practice papers</translation>
        </message>
        <message>
            <source>Reading</source>
            <translation>Reading</translation>
        </message>
        <message>
            <source>no slip can be computed</source>
            <translation>no slip can be computed</translation>
        </message>
        <message>
            <source>on time</source>
            <translation>on time</translation>
        </message>
        <message>
            <source>{0} days ahead</source>
            <translation>{0} days ahead</translation>
        </message>
        <message>
            <source>{0} days late</source>
            <translation>{0} days late</translation>
        </message>
        <message>
            <source>slip: {0}; no projected finish yet</source>
            <translation>slip: {0}; no projected finish yet</translation>
        </message>
        <message>
            <source>slip: {0}; projected to finish {1} days after the planned finish</source>
            <translation>slip: {0}; projected to finish {1} days after the planned finish</translation>
        </message>
        <message>
            <source>slip: {0}; projected to finish on time</source>
            <translation>slip: {0}; projected to finish on time</translation>
        </message>
    </context>
    <context>
        <name>PlanView</name>
        <message>
            <source>Plan summary</source>
            <translation>Plan summary</translation>
        </message>
        <message>
            <source>Plan settings</source>
            <translation>Plan settings</translation>
        </message>
        <message>
            <source>Plan start date</source>
            <translation>Plan start date</translation>
        </message>
        <message>
            <source>Exam date</source>
            <translation>Exam date</translation>
        </message>
        <message>
            <source>Exam profile</source>
            <translation>Exam profile</translation>
        </message>
        <message>
            <source>Pass mark in percent</source>
            <translation>Pass mark in percent</translation>
        </message>
        <message>
            <source>e.g. 72</source>
            <translation>e.g. 72</translation>
        </message>
        <message>
            <source>&amp;Apply</source>
            <translation>&amp;Apply</translation>
        </message>
        <message>
            <source>Apply plan settings</source>
            <translation>Apply plan settings</translation>
        </message>
        <message>
            <source>Save the start date, exam date, exam profile and pass mark</source>
            <translation>Save the start date, exam date, exam profile and pass mark</translation>
        </message>
        <message>
            <source>Re&amp;vert</source>
            <translation>Re&amp;vert</translation>
        </message>
        <message>
            <source>Revert plan settings</source>
            <translation>Revert plan settings</translation>
        </message>
        <message>
            <source>Show the saved plan settings again</source>
            <translation>Show the saved plan settings again</translation>
        </message>
        <message>
            <source>Pass mark</source>
            <translation>Pass mark</translation>
        </message>
        <message>
            <source>&amp;Start:</source>
            <translation>&amp;Start:</translation>
        </message>
        <message>
            <source>E&amp;xam:</source>
            <translation>E&amp;xam:</translation>
        </message>
        <message>
            <source>Exam &amp;profile:</source>
            <translation>Exam &amp;profile:</translation>
        </message>
        <message>
            <source>Pass &amp;mark (%):</source>
            <translation>Pass &amp;mark (%):</translation>
        </message>
        <message>
            <source>Modules of the plan</source>
            <translation>Modules of the plan</translation>
        </message>
        <message>
            <source>Insert adds, Enter or F2 edits, Delete deletes, Ctrl+Up and Ctrl+Down move a module</source>
            <translation>Insert adds, Enter or F2 edits, Delete deletes, Ctrl+Up and Ctrl+Down move a module</translation>
        </message>
        <message>
            <source>&amp;Add module…</source>
            <translation>&amp;Add module…</translation>
        </message>
        <message>
            <source>Add a module after the selected one</source>
            <translation>Add a module after the selected one</translation>
        </message>
        <message>
            <source>&amp;Edit module…</source>
            <translation>&amp;Edit module…</translation>
        </message>
        <message>
            <source>Edit the selected module</source>
            <translation>Edit the selected module</translation>
        </message>
        <message>
            <source>&amp;Delete module</source>
            <translation>&amp;Delete module</translation>
        </message>
        <message>
            <source>Delete the selected module</source>
            <translation>Delete the selected module</translation>
        </message>
        <message>
            <source>Move &amp;up</source>
            <translation>Move &amp;up</translation>
        </message>
        <message>
            <source>Move the selected module one place earlier</source>
            <translation>Move the selected module one place earlier</translation>
        </message>
        <message>
            <source>Move do&amp;wn</source>
            <translation>Move do&amp;wn</translation>
        </message>
        <message>
            <source>Move the selected module one place later</source>
            <translation>Move the selected module one place later</translation>
        </message>
        <message>
            <source>Edit module</source>
            <translation>Edit module</translation>
        </message>
        <message>
            <source>Add…</source>
            <translation>Add…</translation>
        </message>
        <message>
            <source>Add module</source>
            <translation>Add module</translation>
        </message>
        <message>
            <source>Edit…</source>
            <translation>Edit…</translation>
        </message>
        <message>
            <source>Delete</source>
            <translation>Delete</translation>
        </message>
        <message>
            <source>Delete module</source>
            <translation>Delete module</translation>
        </message>
        <message>
            <source>Move up</source>
            <translation>Move up</translation>
        </message>
        <message>
            <source>Move module up</source>
            <translation>Move module up</translation>
        </message>
        <message>
            <source>Move down</source>
            <translation>Move down</translation>
        </message>
        <message>
            <source>Move module down</source>
            <translation>Move module down</translation>
        </message>
        <message>
            <source>&amp;Freeze baseline</source>
            <translation>&amp;Freeze baseline</translation>
        </message>
        <message>
            <source>Freeze baseline</source>
            <translation>Freeze baseline</translation>
        </message>
        <message>
            <source>Keep a copy of today's planned dates and efforts to measure slip against</source>
            <translation>Keep a copy of today's planned dates and efforts to measure slip against</translation>
        </message>
        <message>
            <source>&amp;Import notes…</source>
            <translation>&amp;Import notes…</translation>
        </message>
        <message>
            <source>Import notes</source>
            <translation>Import notes</translation>
        </message>
        <message>
            <source>Create a new plan from a notes file</source>
            <translation>Create a new plan from a notes file</translation>
        </message>
        <message>
            <source>Plan timeline area</source>
            <translation>Plan timeline area</translation>
        </message>
        <message>
            <source>Modules and timeline</source>
            <translation>Modules and timeline</translation>
        </message>
        <message>
            <source>There is no plan yet. Import a notes file to create one (Import notes…).</source>
            <translation>There is no plan yet. Import a notes file to create one (Import notes…).</translation>
        </message>
        <message>
            <source>No plan</source>
            <translation>No plan</translation>
        </message>
        <message>
            <source>{0}: {1} modules, {2:.1f} h planned from {3} to {4}; exam on {5} ({6})</source>
            <translation>{0}: {1} modules, {2:.1f} h planned from {3} to {4}; exam on {5} ({6})</translation>
        </message>
        <message>
            <source>Re-&amp;freeze baseline</source>
            <translation>Re-&amp;freeze baseline</translation>
        </message>
        <message>
            <source>Added module {0}: {1}</source>
            <translation>Added module {0}: {1}</translation>
        </message>
        <message>
            <source>Delete module {0}, {1}?</source>
            <translation>Delete module {0}, {1}?</translation>
        </message>
        <message>
            <source>Its study sessions and progress are deleted with it. Undo (Ctrl+Z) brings back the module and its sessions, but not its progress entries.</source>
            <translation>Its study sessions and progress are deleted with it. Undo (Ctrl+Z) brings back the module and its sessions, but not its progress entries.</translation>
        </message>
        <message>
            <source>Pass mark: {0}</source>
            <translation>Pass mark: {0}</translation>
        </message>
        <message>
            <source>Pass mark: must be between 0 and 100 %, e.g. 72</source>
            <translation>Pass mark: must be between 0 and 100 %, e.g. 72</translation>
        </message>
        <message>
            <source>Plan settings saved</source>
            <translation>Plan settings saved</translation>
        </message>
        <message>
            <source>Re-freeze baseline</source>
            <translation>Re-freeze baseline</translation>
        </message>
        <message>
            <source>Replace the current baseline by today's plan? The old one is kept in the history.</source>
            <translation>Replace the current baseline by today's plan? The old one is kept in the history.</translation>
        </message>
        <message>
            <source>Baseline frozen: the planned dates and efforts were saved</source>
            <translation>Baseline frozen: the planned dates and efforts were saved</translation>
        </message>
        <message>
            <source>Notes (*.txt *.md);;All files (*)</source>
            <translation>Notes (*.txt *.md);;All files (*)</translation>
        </message>
        <message>
            <source>Plan imported</source>
            <translation>Plan imported</translation>
        </message>
    </context>
    <context>
        <name>PlannerCommand</name>
        <message>
            <source>Redo</source>
            <translation>Redo</translation>
        </message>
        <message>
            <source>Undo</source>
            <translation>Undo</translation>
        </message>
        <message>
            <source>{0} '{1}' failed: {2}</source>
            <translation>{0} '{1}' failed: {2}</translation>
        </message>
    </context>
    <context>
        <name>ReadinessView</name>
        <message>
            <source>Exam domain</source>
            <translation>Exam domain</translation>
        </message>
        <message>
            <source>The exam's scored domain</source>
            <translation>The exam's scored domain</translation>
        </message>
        <message>
            <source>Weight</source>
            <translation>Weight</translation>
        </message>
        <message>
            <source>Share of the exam's questions</source>
            <translation>Share of the exam's questions</translation>
        </message>
        <message>
            <source>Readiness</source>
            <translation>Readiness</translation>
        </message>
        <message>
            <source>Expected share of this domain's questions you get right</source>
            <translation>Expected share of this domain's questions you get right</translation>
        </message>
        <message>
            <source>90 % interval</source>
            <translation>90 % interval</translation>
        </message>
        <message>
            <source>There is a 90 % chance the truth lies in here</source>
            <translation>There is a 90 % chance the truth lies in here</translation>
        </message>
        <message>
            <source>Evidence</source>
            <translation>Evidence</translation>
        </message>
        <message>
            <source>Mock-test questions (q) on this domain, recent ones counting more (questions-equivalent)</source>
            <translation>Mock-test questions (q) on this domain, recent ones counting more (questions-equivalent)</translation>
        </message>
        <message>
            <source>Coverage</source>
            <translation>Coverage</translation>
        </message>
        <message>
            <source>Planned content of this domain that you have studied</source>
            <translation>Planned content of this domain that you have studied</translation>
        </message>
        <message>
            <source>Retention</source>
            <translation>Retention</translation>
        </message>
        <message>
            <source>How much is kept since the last contact with the domain (forgetting curve)</source>
            <translation>How much is kept since the last contact with the domain (forgetting curve)</translation>
        </message>
        <message>
            <source>Position in the plan</source>
            <translation>Position in the plan</translation>
        </message>
        <message>
            <source>Topic (module)</source>
            <translation>Topic (module)</translation>
        </message>
        <message>
            <source>The plan's module</source>
            <translation>The plan's module</translation>
        </message>
        <message>
            <source>Progress</source>
            <translation>Progress</translation>
        </message>
        <message>
            <source>Share of the module done</source>
            <translation>Share of the module done</translation>
        </message>
        <message>
            <source>Hours</source>
            <translation>Hours</translation>
        </message>
        <message>
            <source>Hours studied of the planned hours</source>
            <translation>Hours studied of the planned hours</translation>
        </message>
        <message>
            <source>Expected share right on this topic's questions</source>
            <translation>Expected share right on this topic's questions</translation>
        </message>
        <message>
            <source>Topic-quiz questions (q), recent ones counting more</source>
            <translation>Topic-quiz questions (q), recent ones counting more</translation>
        </message>
        <message>
            <source>How much is kept since the last study of the topic</source>
            <translation>How much is kept since the last study of the topic</translation>
        </message>
        <message>
            <source>{0} (never studied)</source>
            <translation>{0} (never studied)</translation>
        </message>
        <message>
            <source>{0} ({1} d ago)</source>
            <translation>{0} ({1} d ago)</translation>
        </message>
        <message>
            <source>There is no plan yet. Create one with File → New plan (Ctrl+N).</source>
            <translation>There is no plan yet. Create one with File → New plan (Ctrl+N).</translation>
        </message>
        <message>
            <source>No plan</source>
            <translation>No plan</translation>
        </message>
        <message>
            <source>Show readiness:</source>
            <translation>Show readiness:</translation>
        </message>
        <message>
            <source>On &amp;exam day, if you stop studying now</source>
            <translation>On &amp;exam day, if you stop studying now</translation>
        </message>
        <message>
            <source>Readiness on exam day if you stop studying now</source>
            <translation>Readiness on exam day if you stop studying now</translation>
        </message>
        <message>
            <source>&amp;Today</source>
            <translation>&amp;Today</translation>
        </message>
        <message>
            <source>Readiness today</source>
            <translation>Readiness today</translation>
        </message>
        <message>
            <source>Readiness summary</source>
            <translation>Readiness summary</translation>
        </message>
        <message>
            <source>Evidence notice</source>
            <translation>Evidence notice</translation>
        </message>
        <message>
            <source>Readiness per exam domain</source>
            <translation>Readiness per exam domain</translation>
        </message>
        <message>
            <source>Readiness per topic</source>
            <translation>Readiness per topic</translation>
        </message>
        <message>
            <source>Per exam domain (these decide P(pass))</source>
            <translation>Per exam domain (these decide P(pass))</translation>
        </message>
        <message>
            <source>Per topic (module of the plan)</source>
            <translation>Per topic (module of the plan)</translation>
        </message>
        <message>
            <source>on exam day ({0:%a %d %b %Y}) if you stop studying now</source>
            <translation>on exam day ({0:%a %d %b %Y}) if you stop studying now</translation>
        </message>
        <message>
            <source>today ({0:%a %d %b %Y})</source>
            <translation>today ({0:%a %d %b %Y})</translation>
        </message>
        <message>
            <source>P(pass) {0}: {1}.
Expected score {2} (90 %: {3} to {4}); pass mark {5}.</source>
            <translation>P(pass) {0}: {1}.
Expected score {2} (90 %: {3} to {4}); pass mark {5}.</translation>
        </message>
    </context>
    <context>
        <name>SessionDialog</name>
        <message>
            <source>Edit study session</source>
            <translation>Edit study session</translation>
        </message>
        <message>
            <source>Log study time</source>
            <translation>Log study time</translation>
        </message>
        <message>
            <source>Module</source>
            <translation>Module</translation>
        </message>
        <message>
            <source>Date</source>
            <translation>Date</translation>
        </message>
        <message>
            <source>Start time</source>
            <translation>Start time</translation>
        </message>
        <message>
            <source>Duration</source>
            <translation>Duration</translation>
        </message>
        <message>
            <source>e.g. 90, 90m, 1h30m or 1:30</source>
            <translation>e.g. 90, 90m, 1h30m or 1:30</translation>
        </message>
        <message>
            <source>Note</source>
            <translation>Note</translation>
        </message>
        <message>
            <source>Optional</source>
            <translation>Optional</translation>
        </message>
        <message>
            <source>Session</source>
            <translation>Session</translation>
        </message>
        <message>
            <source>local time ({0})</source>
            <translation>local time ({0})</translation>
        </message>
        <message>
            <source>Time zone</source>
            <translation>Time zone</translation>
        </message>
        <message>
            <source>&amp;Module:</source>
            <translation>&amp;Module:</translation>
        </message>
        <message>
            <source>&amp;Date:</source>
            <translation>&amp;Date:</translation>
        </message>
        <message>
            <source>&amp;Start time:</source>
            <translation>&amp;Start time:</translation>
        </message>
        <message>
            <source>D&amp;uration:</source>
            <translation>D&amp;uration:</translation>
        </message>
        <message>
            <source>&amp;Note:</source>
            <translation>&amp;Note:</translation>
        </message>
        <message>
            <source>Save session</source>
            <translation>Save session</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <source>This value is not accepted</source>
            <translation>This value is not accepted</translation>
        </message>
    </context>
    <context>
        <name>SessionsTableModel</name>
        <message>
            <source>Date</source>
            <translation>Date</translation>
        </message>
        <message>
            <source>Start</source>
            <translation>Start</translation>
        </message>
        <message>
            <source>Module</source>
            <translation>Module</translation>
        </message>
        <message>
            <source>Minutes</source>
            <translation>Minutes</translation>
        </message>
        <message>
            <source>Source</source>
            <translation>Source</translation>
        </message>
        <message>
            <source>Note</source>
            <translation>Note</translation>
        </message>
        <message>
            <source>Timer</source>
            <translation>Timer</translation>
        </message>
        <message>
            <source>Manual</source>
            <translation>Manual</translation>
        </message>
        <message>
            <source>Import</source>
            <translation>Import</translation>
        </message>
    </context>
    <context>
        <name>SetPlanCommand</name>
        <message>
            <source>Change plan settings</source>
            <translation>Change plan settings</translation>
        </message>
    </context>
    <context>
        <name>SetSharesCommand</name>
        <message>
            <source>Edit domain shares of '{0}'</source>
            <translation>Edit domain shares of '{0}'</translation>
        </message>
        <message>
            <source>Edit domain shares of {0} modules</source>
            <translation>Edit domain shares of {0} modules</translation>
        </message>
    </context>
    <context>
        <name>SettingsView</name>
        <message>
            <source>Notifications</source>
            <translation>Notifications</translation>
        </message>
        <message>
            <source>Remind me when a &amp;timer runs longer than</source>
            <translation>Remind me when a &amp;timer runs longer than</translation>
        </message>
        <message>
            <source>Remind me about a long-running timer</source>
            <translation>Remind me about a long-running timer</translation>
        </message>
        <message>
            <source>Timer reminder limit in minutes</source>
            <translation>Timer reminder limit in minutes</translation>
        </message>
        <message>
            <source> min</source>
            <translation> min</translation>
        </message>
        <message>
            <source>Daily &amp;nudge when the plan is behind</source>
            <translation>Daily &amp;nudge when the plan is behind</translation>
        </message>
        <message>
            <source>Daily nudge when the plan is behind</source>
            <translation>Daily nudge when the plan is behind</translation>
        </message>
        <message>
            <source>At most once a day, when the schedule slip is half a day or more</source>
            <translation>At most once a day, when the schedule slip is half a day or more</translation>
        </message>
        <message>
            <source>Shown by the system tray, else in the status bar.</source>
            <translation>Shown by the system tray, else in the status bar.</translation>
        </message>
        <message>
            <source>Where notifications appear</source>
            <translation>Where notifications appear</translation>
        </message>
    </context>
    <context>
        <name>TimelineWidget</name>
        <message>
            <source>Plan timeline</source>
            <translation>Plan timeline</translation>
        </message>
        <message>
            <source>{0} modules planned from {1} to {2}; exam on {3}; today is {4}; {5} modules behind plan</source>
            <translation>{0} modules planned from {1} to {2}; exam on {3}; today is {4}; {5} modules behind plan</translation>
        </message>
        <message>
            <source>No modules in the plan yet</source>
            <translation>No modules in the plan yet</translation>
        </message>
    </context>
    <context>
        <name>Tray</name>
        <message>
            <source>StudyPlanner tray menu</source>
            <translation>StudyPlanner tray menu</translation>
        </message>
        <message>
            <source>&amp;Show window</source>
            <translation>&amp;Show window</translation>
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation>&amp;Quit</translation>
        </message>
        <message>
            <source>StudyPlanner: no timer running</source>
            <translation>StudyPlanner: no timer running</translation>
        </message>
        <message>
            <source>S&amp;tart timer ({module})</source>
            <translation>S&amp;tart timer ({module})</translation>
        </message>
        <message>
            <source>S&amp;tart timer</source>
            <translation>S&amp;tart timer</translation>
        </message>
        <message>
            <source> (paused)</source>
            <translation> (paused)</translation>
        </message>
        <message>
            <source>StudyPlanner: {module} {elapsed}{paused}</source>
            <translation>StudyPlanner: {module} {elapsed}{paused}</translation>
        </message>
        <message>
            <source>S&amp;top timer ({module}, {elapsed})</source>
            <translation>S&amp;top timer ({module}, {elapsed})</translation>
        </message>
    </context>
    <context>
        <name>charts</name>
        <message>
            <source>Mean</source>
            <translation>Mean</translation>
        </message>
        <message>
            <source>90 % interval</source>
            <translation>90 % interval</translation>
        </message>
        <message>
            <source>90 % interval {0}</source>
            <translation>90 % interval {0}</translation>
        </message>
        <message>
            <source>Pass mark {0}</source>
            <translation>Pass mark {0}</translation>
        </message>
        <message>
            <source>Practice exams</source>
            <translation>Practice exams</translation>
        </message>
        <message>
            <source>Topic quizzes</source>
            <translation>Topic quizzes</translation>
        </message>
        <message>
            <source>Studied</source>
            <translation>Studied</translation>
        </message>
        <message>
            <source>This week</source>
            <translation>This week</translation>
        </message>
        <message>
            <source>Hours studied</source>
            <translation>Hours studied</translation>
        </message>
        <message>
            <source>Planned</source>
            <translation>Planned</translation>
        </message>
        <message>
            <source>Needed {0:.1f} h</source>
            <translation>Needed {0:.1f} h</translation>
        </message>
    </context>
    <context>
        <name>fields</name>
        <message>
            <source>enter a number</source>
            <translation>enter a number</translation>
        </message>
        <message>
            <source>'{0}' is not a number</source>
            <translation>'{0}' is not a number</translation>
        </message>
    </context>
</TS>
