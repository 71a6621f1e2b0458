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
            <source>Study calendar (minutes per day)</source>
            <translation>Study calendar (minutes per day)</translation>
        </message>
        <message>
            <source>{0}. Studied on {1} of {2} days so far, {3:.1f} h in total; longest streak {4} days</source>
            <translation>{0}. Studied on {1} of {2} days so far, {3:.1f} h in total; longest streak {4} days</translation>
        </message>
        <message>
            <source>; most in one day {0} min on {1}</source>
            <translation>; most in one day {0} min on {1}</translation>
        </message>
        <message>
            <source>. Shades start at 1, 30, 60 and 90 minutes; today is outlined, the exam day in red.</source>
            <translation>. Shades start at 1, 30, 60 and 90 minutes; today is outlined, the exam day in red.</translation>
        </message>
        <message>
            <source>Study calendar heatmap</source>
            <translation>Study calendar heatmap</translation>
        </message>
        <message>
            <source>Mon</source>
            <translation>Mon</translation>
        </message>
        <message>
            <source>Wed</source>
            <translation>Wed</translation>
        </message>
        <message>
            <source>Fri</source>
            <translation>Fri</translation>
        </message>
        <message>
            <source>Sun</source>
            <translation>Sun</translation>
        </message>
        <message>
            <source>Less</source>
            <translation>Less</translation>
        </message>
        <message>
            <source>More</source>
            <translation>More</translation>
        </message>
        <message>
            <source>{0}: {1} min</source>
            <translation>{0}: {1} min</translation>
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
        <name>ExchangeActions</name>
        <message numerus="yes">
            <source>Exported %n session(s) to {0}</source>
            <translation>
                <numerusform>Exported %n session to {0}</numerusform>
                <numerusform>Exported %n sessions to {0}</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Exported %n mock test(s) to {0}</source>
            <translation>
                <numerusform>Exported %n mock test to {0}</numerusform>
                <numerusform>Exported %n mock tests to {0}</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Exported a backup with %n session(s) to {0}</source>
            <translation>
                <numerusform>Exported a backup with %n session to {0}</numerusform>
                <numerusform>Exported a backup with %n sessions to {0}</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Exported %n calendar event(s) to {0}</source>
            <translation>
                <numerusform>Exported %n calendar event to {0}</numerusform>
                <numerusform>Exported %n calendar events to {0}</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Exported the Overview as an image of %n byte(s) to {0}</source>
            <translation>
                <numerusform>Exported the Overview as an image of %n byte to {0}</numerusform>
                <numerusform>Exported the Overview as an image of %n bytes to {0}</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Exported a report of %n page(s) to {0}</source>
            <translation>
                <numerusform>Exported a report of %n page to {0}</numerusform>
                <numerusform>Exported a report of %n pages to {0}</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Imported %n session(s) from {0}; {1} already stored</source>
            <translation>
                <numerusform>Imported %n session from {0}; {1} already stored</numerusform>
                <numerusform>Imported %n sessions from {0}; {1} already stored</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Import %n session(s) from {0}</source>
            <translation>
                <numerusform>Import %n session from {0}</numerusform>
                <numerusform>Import %n sessions from {0}</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Restored the backup {0}: %n session(s); {1} already stored</source>
            <translation>
                <numerusform>Restored the backup {0}: %n session; {1} already stored</numerusform>
                <numerusform>Restored the backup {0}: %n sessions; {1} already stored</numerusform>
            </translation>
        </message>
        <message>
            <source>Import sessions</source>
            <translation>Import sessions</translation>
        </message>
    </context>
    <context>
        <name>ExchangeMenu</name>
        <message>
            <source>&amp;Sessions as CSV…</source>
            <translation>&amp;Sessions as CSV…</translation>
        </message>
        <message>
            <source>CSV files (*.csv)</source>
            <translation>CSV files (*.csv)</translation>
        </message>
        <message>
            <source>&amp;Mock tests as CSV…</source>
            <translation>&amp;Mock tests as CSV…</translation>
        </message>
        <message>
            <source>Whole database as &amp;JSON…</source>
            <translation>Whole database as &amp;JSON…</translation>
        </message>
        <message>
            <source>JSON backups (*.json)</source>
            <translation>JSON backups (*.json)</translation>
        </message>
        <message>
            <source>Plan as i&amp;Calendar…</source>
            <translation>Plan as i&amp;Calendar…</translation>
        </message>
        <message>
            <source>iCalendar files (*.ics)</source>
            <translation>iCalendar files (*.ics)</translation>
        </message>
        <message>
            <source>Overview as &amp;PNG image…</source>
            <translation>Overview as &amp;PNG image…</translation>
        </message>
        <message>
            <source>PNG images (*.png)</source>
            <translation>PNG images (*.png)</translation>
        </message>
        <message>
            <source>Overview as P&amp;DF report…</source>
            <translation>Overview as P&amp;DF report…</translation>
        </message>
        <message>
            <source>PDF files (*.pdf)</source>
            <translation>PDF files (*.pdf)</translation>
        </message>
        <message>
            <source>the Overview could not be drawn as an image</source>
            <translation>the Overview could not be drawn as an image</translation>
        </message>
        <message>
            <source>StudyPlanner report</source>
            <translation>StudyPlanner report</translation>
        </message>
        <message>
            <source>the PDF report could not be started</source>
            <translation>the PDF report could not be started</translation>
        </message>
        <message>
            <source>Export {0}</source>
            <translation>Export {0}</translation>
        </message>
        <message>
            <source>An export is still running; try again when it has finished</source>
            <translation>An export is still running; try again when it has finished</translation>
        </message>
        <message>
            <source>Exporting to {0}…</source>
            <translation>Exporting to {0}…</translation>
        </message>
        <message>
            <source>there is no plan yet, so no Overview to export: create one first</source>
            <translation>there is no plan yet, so no Overview to export: create one first</translation>
        </message>
        <message>
            <source>The export failed: {0}</source>
            <translation>The export failed: {0}</translation>
        </message>
        <message>
            <source>Export failed</source>
            <translation>Export failed</translation>
        </message>
        <message>
            <source>Import sessions</source>
            <translation>Import sessions</translation>
        </message>
        <message>
            <source>CSV files (*.csv);;All files (*)</source>
            <translation>CSV files (*.csv);;All files (*)</translation>
        </message>
        <message>
            <source>Restore JSON backup</source>
            <translation>Restore JSON backup</translation>
        </message>
        <message>
            <source>JSON backups (*.json);;All files (*)</source>
            <translation>JSON backups (*.json);;All files (*)</translation>
        </message>
        <message>
            <source>The backup cannot be restored</source>
            <translation>The backup cannot be restored</translation>
        </message>
        <message>
            <source>Nothing was changed. {0}</source>
            <translation>Nothing was changed. {0}</translation>
        </message>
        <message>
            <source>The backup {0} holds {1} plan(s), {2} module(s), {3} session(s) and {4} mock test(s).</source>
            <translation>The backup {0} holds {1} plan(s), {2} module(s), {3} session(s) and {4} mock test(s).</translation>
        </message>
        <message>
            <source>This database holds no plan, so nothing is replaced: everything in the backup is added as it was.</source>
            <translation>This database holds no plan, so nothing is replaced: everything in the backup is added as it was.</translation>
        </message>
        <message>
            <source>This database already holds everything in the backup: nothing will be replaced or added.</source>
            <translation>This database already holds everything in the backup: nothing will be replaced or added.</translation>
        </message>
        <message>
            <source>{0} is the StudyPlanner database itself; choose another file</source>
            <translation>{0} is the StudyPlanner database itself; choose another file</translation>
        </message>
        <message>
            <source>&amp;Import sessions…</source>
            <translation>&amp;Import sessions…</translation>
        </message>
        <message>
            <source>Import study sessions from a StudyPlanner, Toggl Track or Clockify CSV</source>
            <translation>Import study sessions from a StudyPlanner, Toggl Track or Clockify CSV</translation>
        </message>
        <message>
            <source>&amp;Restore JSON backup…</source>
            <translation>&amp;Restore JSON backup…</translation>
        </message>
        <message>
            <source>Restore a whole-database JSON backup into an empty database</source>
            <translation>Restore a whole-database JSON backup into an empty database</translation>
        </message>
        <message>
            <source>&amp;Export</source>
            <translation>&amp;Export</translation>
        </message>
        <message>
            <source>Write {0} to a file</source>
            <translation>Write {0} to a file</translation>
        </message>
    </context>
    <context>
        <name>FigureCard</name>
        <message>
            <source>{0} value</source>
            <translation>{0} value</translation>
        </message>
        <message>
            <source>{0} detail</source>
            <translation>{0} detail</translation>
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
        <name>MainWindow</name>
        <message>
            <source>StudyPlanner — demo (nothing is saved)</source>
            <translation>StudyPlanner — demo (nothing is saved)</translation>
        </message>
        <message>
            <source>No timer running</source>
            <translation>No timer running</translation>
        </message>
        <message>
            <source>Timer: {0} {1} (paused)</source>
            <translation>Timer: {0} {1} (paused)</translation>
        </message>
        <message>
            <source>Timer: {0} {1}</source>
            <translation>Timer: {0} {1}</translation>
        </message>
        <message>
            <source>No plan yet</source>
            <translation>No plan yet</translation>
        </message>
        <message>
            <source>Plan starts {0}</source>
            <translation>Plan starts {0}</translation>
        </message>
        <message>
            <source>Week {0}: {1:.1f} h studied, nothing more needed</source>
            <translation>Week {0}: {1:.1f} h studied, nothing more needed</translation>
        </message>
        <message>
            <source>Week {0}: {1:.1f} h of {2:.1f} h needed</source>
            <translation>Week {0}: {1:.1f} h of {2:.1f} h needed</translation>
        </message>
        <message>
            <source>P(pass): no plan</source>
            <translation>P(pass): no plan</translation>
        </message>
        <message>
            <source>P(pass) on exam day: {0}</source>
            <translation>P(pass) on exam day: {0}</translation>
        </message>
        <message>
            <source>StudyPlanner main window</source>
            <translation>StudyPlanner main window</translation>
        </message>
        <message>
            <source>Pages</source>
            <translation>Pages</translation>
        </message>
        <message>
            <source>Choose a page; Ctrl+1 to Ctrl+6 switch directly</source>
            <translation>Choose a page; Ctrl+1 to Ctrl+6 switch directly</translation>
        </message>
        <message>
            <source>Page</source>
            <translation>Page</translation>
        </message>
        <message>
            <source>{0} (Ctrl+{1})</source>
            <translation>{0} (Ctrl+{1})</translation>
        </message>
        <message>
            <source>Timer stopped under a minute: nothing logged</source>
            <translation>Timer stopped under a minute: nothing logged</translation>
        </message>
        <message>
            <source>Logged {0} min on {1}</source>
            <translation>Logged {0} min on {1}</translation>
        </message>
        <message>
            <source>No plan yet: create one first (File → New plan)</source>
            <translation>No plan yet: create one first (File → New plan)</translation>
        </message>
        <message>
            <source>Timer started on {0}</source>
            <translation>Timer started on {0}</translation>
        </message>
        <message>
            <source>Status bar</source>
            <translation>Status bar</translation>
        </message>
        <message>
            <source>Running timer</source>
            <translation>Running timer</translation>
        </message>
        <message>
            <source>This week's hours</source>
            <translation>This week's hours</translation>
        </message>
        <message>
            <source>Probability of passing</source>
            <translation>Probability of passing</translation>
        </message>
        <message>
            <source>Recomputing the report</source>
            <translation>Recomputing the report</translation>
        </message>
        <message>
            <source>Menu bar</source>
            <translation>Menu bar</translation>
        </message>
        <message>
            <source>&amp;File</source>
            <translation>&amp;File</translation>
        </message>
        <message>
            <source>&amp;New plan…</source>
            <translation>&amp;New plan…</translation>
        </message>
        <message>
            <source>Create a plan from the bundled AWS plan or an empty one</source>
            <translation>Create a plan from the bundled AWS plan or an empty one</translation>
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation>&amp;Quit</translation>
        </message>
        <message>
            <source>Close StudyPlanner</source>
            <translation>Close StudyPlanner</translation>
        </message>
        <message>
            <source>&amp;Edit</source>
            <translation>&amp;Edit</translation>
        </message>
        <message>
            <source>&amp;Undo</source>
            <translation>&amp;Undo</translation>
        </message>
        <message>
            <source>Undo the last change</source>
            <translation>Undo the last change</translation>
        </message>
        <message>
            <source>&amp;Redo</source>
            <translation>&amp;Redo</translation>
        </message>
        <message>
            <source>Redo the change that was undone</source>
            <translation>Redo the change that was undone</translation>
        </message>
        <message>
            <source>&amp;View</source>
            <translation>&amp;View</translation>
        </message>
        <message>
            <source>Show the {0} page</source>
            <translation>Show the {0} page</translation>
        </message>
        <message>
            <source>&amp;Refresh</source>
            <translation>&amp;Refresh</translation>
        </message>
        <message>
            <source>Recompute the report</source>
            <translation>Recompute the report</translation>
        </message>
        <message>
            <source>&amp;Study</source>
            <translation>&amp;Study</translation>
        </message>
        <message>
            <source>Start or stop the &amp;timer</source>
            <translation>Start or stop the &amp;timer</translation>
        </message>
        <message>
            <source>Start the timer on the next module, or stop the running timer and log it</source>
            <translation>Start the timer on the next module, or stop the running timer and log it</translation>
        </message>
        <message>
            <source>Quick &amp;log…</source>
            <translation>Quick &amp;log…</translation>
        </message>
        <message>
            <source>Log study time after the fact</source>
            <translation>Log study time after the fact</translation>
        </message>
        <message>
            <source>Add &amp;mock test…</source>
            <translation>Add &amp;mock test…</translation>
        </message>
        <message>
            <source>Log a practice exam or topic quiz</source>
            <translation>Log a practice exam or topic quiz</translation>
        </message>
        <message>
            <source>&amp;Help</source>
            <translation>&amp;Help</translation>
        </message>
        <message>
            <source>&amp;Keyboard shortcuts</source>
            <translation>&amp;Keyboard shortcuts</translation>
        </message>
        <message>
            <source>List every keyboard shortcut</source>
            <translation>List every keyboard shortcut</translation>
        </message>
        <message>
            <source>&amp;About StudyPlanner</source>
            <translation>&amp;About StudyPlanner</translation>
        </message>
        <message>
            <source>Version and licence</source>
            <translation>Version and licence</translation>
        </message>
        <message>
            <source>About StudyPlanner</source>
            <translation>About StudyPlanner</translation>
        </message>
        <message>
            <source>StudyPlanner {0}

Plan, log and forecast your certification exam preparation.</source>
            <translation>StudyPlanner {0}

Plan, log and forecast your certification exam preparation.</translation>
        </message>
        <message>
            <source>unknown error</source>
            <translation>unknown error</translation>
        </message>
        <message>
            <source>Could not compute the report: {0}</source>
            <translation>Could not compute the report: {0}</translation>
        </message>
        <message>
            <source>Probability of passing on exam day ({0}) if you stopped studying now; expected score {1:.0f} %</source>
            <translation>Probability of passing on exam day ({0}) if you stopped studying now; expected score {1:.0f} %</translation>
        </message>
    </context>
    <context>
        <name>MatrixModel</name>
        <message>
            <source>each share must be between 0 and 1</source>
            <translation>each share must be between 0 and 1</translation>
        </message>
        <message>
            <source>the shares add up to {0}; they must add up to 1, or all be 0</source>
            <translation>the shares add up to {0}; they must add up to 1, or all be 0</translation>
        </message>
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
        <name>NewPlanDialog</name>
        <message>
            <source>New study plan</source>
            <translation>New study plan</translation>
        </message>
        <message>
            <source>Start from the bundled AWS Certified Developer – Associate plan (10 weeks of video modules, a project and practice papers), or from an empty plan.</source>
            <translation>Start from the bundled AWS Certified Developer – Associate plan (10 weeks of video modules, a project and practice papers), or from an empty plan.</translation>
        </message>
        <message>
            <source>&amp;Bundled AWS Developer Associate plan</source>
            <translation>&amp;Bundled AWS Developer Associate plan</translation>
        </message>
        <message>
            <source>Bundled AWS Developer Associate plan</source>
            <translation>Bundled AWS Developer Associate plan</translation>
        </message>
        <message>
            <source>&amp;Empty plan</source>
            <translation>&amp;Empty plan</translation>
        </message>
        <message>
            <source>Empty plan</source>
            <translation>Empty plan</translation>
        </message>
        <message>
            <source>Start date</source>
            <translation>Start date</translation>
        </message>
        <message>
            <source>&amp;Start date:</source>
            <translation>&amp;Start date:</translation>
        </message>
        <message>
            <source>Exam date</source>
            <translation>Exam date</translation>
        </message>
        <message>
            <source>For the bundled plan: leave as is for the day after the plan</source>
            <translation>For the bundled plan: leave as is for the day after the plan</translation>
        </message>
        <message>
            <source>E&amp;xam date:</source>
            <translation>E&amp;xam date:</translation>
        </message>
        <message>
            <source>Exam profile</source>
            <translation>Exam profile</translation>
        </message>
        <message>
            <source>Exam &amp;profile:</source>
            <translation>Exam &amp;profile:</translation>
        </message>
        <message>
            <source>My study plan</source>
            <translation>My study plan</translation>
        </message>
        <message>
            <source>Plan name</source>
            <translation>Plan name</translation>
        </message>
        <message>
            <source>Plan &amp;name:</source>
            <translation>Plan &amp;name:</translation>
        </message>
        <message>
            <source>Error</source>
            <translation>Error</translation>
        </message>
        <message>
            <source>Create plan</source>
            <translation>Create plan</translation>
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
        <name>OverviewView</name>
        <message>
            <source>Estimate from plan progress only — take a mock test.</source>
            <translation>Estimate from plan progress only — take a mock test.</translation>
        </message>
        <message>
            <source>1 day (tomorrow)</source>
            <translation>1 day (tomorrow)</translation>
        </message>
        <message>
            <source>Today</source>
            <translation>Today</translation>
        </message>
        <message>
            <source>{0} days</source>
            <translation>{0} days</translation>
        </message>
        <message>
            <source>1 day ago</source>
            <translation>1 day ago</translation>
        </message>
        <message>
            <source>{0} days ago</source>
            <translation>{0} days ago</translation>
        </message>
        <message>
            <source>Not started</source>
            <translation>Not started</translation>
        </message>
        <message>
            <source>On schedule</source>
            <translation>On schedule</translation>
        </message>
        <message>
            <source>{0:.1f} day behind</source>
            <translation>{0:.1f} day behind</translation>
        </message>
        <message>
            <source>{0:.1f} days behind</source>
            <translation>{0:.1f} days behind</translation>
        </message>
        <message>
            <source>{0:.1f} day ahead</source>
            <translation>{0:.1f} day ahead</translation>
        </message>
        <message>
            <source>{0:.1f} days ahead</source>
            <translation>{0:.1f} days ahead</translation>
        </message>
        <message>
            <source>Next in plan order: {0:.0f} % done ({1:.1f} h of {2:.1f} h planned)</source>
            <translation>Next in plan order: {0:.0f} % done ({1:.1f} h of {2:.1f} h planned)</translation>
        </message>
        <message>
            <source>; planned to finish {0}</source>
            <translation>; planned to finish {0}</translation>
        </message>
        <message>
            <source>, now {0:.1f} days behind</source>
            <translation>, now {0:.1f} days behind</translation>
        </message>
        <message>
            <source>, {0:.1f} days ahead</source>
            <translation>, {0:.1f} days ahead</translation>
        </message>
        <message>
            <source>Every module is done: review it ({0}).</source>
            <translation>Every module is done: review it ({0}).</translation>
        </message>
        <message>
            <source>{0} No mock-test evidence yet.</source>
            <translation>{0} No mock-test evidence yet.</translation>
        </message>
        <message>
            <source>every domain</source>
            <translation>every domain</translation>
        </message>
        <message>
            <source>{0} Under {1:.0f} questions-equivalent of recent mock-test evidence for {2}: the estimate still leans on plan progress.</source>
            <translation>{0} Under {1:.0f} questions-equivalent of recent mock-test evidence for {2}: the estimate still leans on plan progress.</translation>
        </message>
        <message>
            <source>There is no plan yet. Create one with File → New plan (Ctrl+N): the bundled AWS Developer Associate plan or an empty plan.</source>
            <translation>There is no plan yet. Create one with File → New plan (Ctrl+N): the bundled AWS Developer Associate plan or an empty plan.</translation>
        </message>
        <message>
            <source>No plan</source>
            <translation>No plan</translation>
        </message>
        <message>
            <source>Overview</source>
            <translation>Overview</translation>
        </message>
        <message>
            <source>Plan</source>
            <translation>Plan</translation>
        </message>
        <message>
            <source>P(pass) on exam day</source>
            <translation>P(pass) on exam day</translation>
        </message>
        <message>
            <source>Days to the exam</source>
            <translation>Days to the exam</translation>
        </message>
        <message>
            <source>Plan slip</source>
            <translation>Plan slip</translation>
        </message>
        <message>
            <source>Hours needed per week</source>
            <translation>Hours needed per week</translation>
        </message>
        <message>
            <source>Study next</source>
            <translation>Study next</translation>
        </message>
        <message>
            <source>Notice</source>
            <translation>Notice</translation>
        </message>
        <message>
            <source>{0} ({1}) · {2} to exam {3} · status at the end of {4}</source>
            <translation>{0} ({1}) · {2} to exam {3} · status at the end of {4}</translation>
        </message>
        <message>
            <source>Expected score {0} (90 %: {1} to {2}); pass mark {3}. If you stopped studying now.</source>
            <translation>Expected score {0} (90 %: {1} to {2}); pass mark {3}. If you stopped studying now.</translation>
        </message>
        <message>
            <source>Exam on {0}</source>
            <translation>Exam on {0}</translation>
        </message>
        <message>
            <source>Planned finish {0}</source>
            <translation>Planned finish {0}</translation>
        </message>
        <message>
            <source>; forecast {0}</source>
            <translation>; forecast {0}</translation>
        </message>
        <message>
            <source>; {0} chance to finish before the exam</source>
            <translation>; {0} chance to finish before the exam</translation>
        </message>
        <message>
            <source>{0:.1f} h of study left; your recent pace {1:.1f} h per week.</source>
            <translation>{0:.1f} h of study left; your recent pace {1:.1f} h per week.</translation>
        </message>
        <message>
            <source>The plan has no modules yet: add some on the Plan page.</source>
            <translation>The plan has no modules yet: add some on the Plan page.</translation>
        </message>
        <message>
            <source>Readiness per domain on exam day</source>
            <translation>Readiness per domain on exam day</translation>
        </message>
    </context>
    <context>
        <name>Pages</name>
        <message>
            <source>Overview</source>
            <translation>Overview</translation>
        </message>
        <message>
            <source>Readiness, schedule slip and charts</source>
            <translation>Readiness, schedule slip and charts</translation>
        </message>
        <message>
            <source>Plan</source>
            <translation>Plan</translation>
        </message>
        <message>
            <source>The modules of the plan, dates and baseline</source>
            <translation>The modules of the plan, dates and baseline</translation>
        </message>
        <message>
            <source>Log</source>
            <translation>Log</translation>
        </message>
        <message>
            <source>Timer and study sessions</source>
            <translation>Timer and study sessions</translation>
        </message>
        <message>
            <source>Mock tests</source>
            <translation>Mock tests</translation>
        </message>
        <message>
            <source>Practice exams and topic quizzes</source>
            <translation>Practice exams and topic quizzes</translation>
        </message>
        <message>
            <source>Readiness</source>
            <translation>Readiness</translation>
        </message>
        <message>
            <source>Readiness per exam domain and per topic</source>
            <translation>Readiness per exam domain and per topic</translation>
        </message>
        <message>
            <source>Settings</source>
            <translation>Settings</translation>
        </message>
        <message>
            <source>Exam profiles, weights and plan parameters</source>
            <translation>Exam profiles, weights and plan parameters</translation>
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
            <source>Its study sessions and progress are deleted with it. Undo (Ctrl+Z) brings all of it back.</source>
            <translation>Its study sessions and progress are deleted with it. Undo (Ctrl+Z) brings all of it back.</translation>
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
        <message>
            <source>this session no longer exists</source>
            <translation>this session no longer exists</translation>
        </message>
        <message>
            <source>this mock test no longer exists</source>
            <translation>this mock test no longer exists</translation>
        </message>
        <message>
            <source>module {0} no longer exists</source>
            <translation>module {0} no longer exists</translation>
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
        <name>RecoveryDialog</name>
        <message>
            <source>Restore your data</source>
            <translation>Restore your data</translation>
        </message>
        <message>
            <source>Verified backups, newest first</source>
            <translation>Verified backups, newest first</translation>
        </message>
        <message>
            <source>Restoring the backup</source>
            <translation>Restoring the backup</translation>
        </message>
        <message>
            <source>Restore the selected backup</source>
            <translation>Restore the selected backup</translation>
        </message>
        <message>
            <source>Start with an empty file</source>
            <translation>Start with an empty file</translation>
        </message>
        <message>
            <source>The damaged file stays in the quarantine folder and the backups are kept</source>
            <translation>The damaged file stays in the quarantine folder and the backups are kept</translation>
        </message>
        <message>
            <source>Quit without changing anything</source>
            <translation>Quit without changing anything</translation>
        </message>
        <message>
            <source>StudyPlanner cannot read its data file:
{0}.</source>
            <translation>StudyPlanner cannot read its data file:
{0}.</translation>
        </message>
        <message>
            <source>The damaged file is kept at {0}.</source>
            <translation>The damaged file is kept at {0}.</translation>
        </message>
        <message>
            <source>Choose a verified backup to restore. Your current file is saved or kept in quarantine first; nothing is deleted.</source>
            <translation>Choose a verified backup to restore. Your current file is saved or kept in quarantine first; nothing is deleted.</translation>
        </message>
        <message>
            <source>No verified backup was found in {0}.</source>
            <translation>No verified backup was found in {0}.</translation>
        </message>
        <message>
            <source>Choose a backup first.</source>
            <translation>Choose a backup first.</translation>
        </message>
        <message>
            <source>The restore did not happen: {0}.</source>
            <translation>The restore did not happen: {0}.</translation>
        </message>
    </context>
    <context>
        <name>Safety</name>
        <message>
            <source>The scheduled backup failed: {0}</source>
            <translation>The scheduled backup failed: {0}</translation>
        </message>
        <message>
            <source>The scheduled backup was skipped: {0}</source>
            <translation>The scheduled backup was skipped: {0}</translation>
        </message>
        <message>
            <source>Your data may be damaged</source>
            <translation>Your data may be damaged</translation>
        </message>
        <message>
            <source>A backup of your data failed its check ({0}). Your earlier backups are kept and nothing was deleted.

Quit StudyPlanner and start it again: it will check the whole file and, if it is damaged, offer to restore the newest verified backup.</source>
            <translation>A backup of your data failed its check ({0}). Your earlier backups are kept and nothing was deleted.

Quit StudyPlanner and start it again: it will check the whole file and, if it is damaged, offer to restore the newest verified backup.</translation>
        </message>
        <message>
            <source>Everything saved before is safe, and what you typed is still in the form: save it again once the problem is fixed.</source>
            <translation>Everything saved before is safe, and what you typed is still in the form: save it again once the problem is fixed.</translation>
        </message>
        <message>
            <source>The disk is full</source>
            <translation>The disk is full</translation>
        </message>
        <message>
            <source>{0}.

Fix: free some space on the disk holding {1}, then save again.</source>
            <translation>{0}.

Fix: free some space on the disk holding {1}, then save again.</translation>
        </message>
        <message>
            <source>The data file is read-only</source>
            <translation>The data file is read-only</translation>
        </message>
        <message>
            <source>{0}.

Fix: make {1} and its folder writable again (file permissions, a disk mounted read-only, a full or failing disk), then restart StudyPlanner.</source>
            <translation>{0}.

Fix: make {1} and its folder writable again (file permissions, a disk mounted read-only, a full or failing disk), then restart StudyPlanner.</translation>
        </message>
        <message>
            <source>The data file is in use</source>
            <translation>The data file is in use</translation>
        </message>
        <message>
            <source>{0}.

Fix: close the other copy of StudyPlanner or the program holding the file, then save again.</source>
            <translation>{0}.

Fix: close the other copy of StudyPlanner or the program holding the file, then save again.</translation>
        </message>
        <message>
            <source>The data file is damaged</source>
            <translation>The data file is damaged</translation>
        </message>
        <message>
            <source>{0}.

Fix: quit and start StudyPlanner again; it will offer to restore the newest verified backup (or run: studyplanner restore --latest).</source>
            <translation>{0}.

Fix: quit and start StudyPlanner again; it will offer to restore the newest verified backup (or run: studyplanner restore --latest).</translation>
        </message>
        <message>
            <source>The backup could not be made</source>
            <translation>The backup could not be made</translation>
        </message>
        <message>
            <source>{0}.

Nothing was changed. Fix: free some space or check the backups folder, then try again.</source>
            <translation>{0}.

Nothing was changed. Fix: free some space or check the backups folder, then try again.</translation>
        </message>
        <message>
            <source>The data file cannot be written</source>
            <translation>The data file cannot be written</translation>
        </message>
        <message>
            <source>{0}.

Fix: check that the disk is connected and has space and that the folder is writable, then save again.</source>
            <translation>{0}.

Fix: check that the disk is connected and has space and that the folder is writable, then save again.</translation>
        </message>
        <message>
            <source>StudyPlanner: data file problem</source>
            <translation>StudyPlanner: data file problem</translation>
        </message>
        <message>
            <source>StudyPlanner noticed a problem at start</source>
            <translation>StudyPlanner noticed a problem at start</translation>
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
        <name>SessionsImportDialog</name>
        <message>
            <source>StudyPlanner CSV</source>
            <translation>StudyPlanner CSV</translation>
        </message>
        <message>
            <source>Toggl Track CSV</source>
            <translation>Toggl Track CSV</translation>
        </message>
        <message>
            <source>Clockify CSV</source>
            <translation>Clockify CSV</translation>
        </message>
        <message>
            <source>Line</source>
            <translation>Line</translation>
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
            <source>Module</source>
            <translation>Module</translation>
        </message>
        <message>
            <source>Note</source>
            <translation>Note</translation>
        </message>
        <message>
            <source>Project</source>
            <translation>Project</translation>
        </message>
        <message>
            <source>Description</source>
            <translation>Description</translation>
        </message>
        <message>
            <source>Ambiguous between</source>
            <translation>Ambiguous between</translation>
        </message>
        <message>
            <source>Import sessions</source>
            <translation>Import sessions</translation>
        </message>
        <message>
            <source>File: {0}</source>
            <translation>File: {0}</translation>
        </message>
        <message>
            <source>Sessions file</source>
            <translation>Sessions file</translation>
        </message>
        <message>
            <source>File format</source>
            <translation>File format</translation>
        </message>
        <message>
            <source>Time zone of the times in the file</source>
            <translation>Time zone of the times in the file</translation>
        </message>
        <message>
            <source>Toggl and Clockify write local times without a zone: the zone they were recorded in (this computer's by default)</source>
            <translation>Toggl and Clockify write local times without a zone: the zone they were recorded in (this computer's by default)</translation>
        </message>
        <message>
            <source>&amp;Leave out rows that match no module</source>
            <translation>&amp;Leave out rows that match no module</translation>
        </message>
        <message>
            <source>Leave out rows that match no module</source>
            <translation>Leave out rows that match no module</translation>
        </message>
        <message>
            <source>&amp;Format:</source>
            <translation>&amp;Format:</translation>
        </message>
        <message>
            <source>Time &amp;zone:</source>
            <translation>Time &amp;zone:</translation>
        </message>
        <message>
            <source>What the import would do</source>
            <translation>What the import would do</translation>
        </message>
        <message>
            <source>Sessions to add</source>
            <translation>Sessions to add</translation>
        </message>
        <message>
            <source>Rows that match no module</source>
            <translation>Rows that match no module</translation>
        </message>
        <message>
            <source>Problems and notes</source>
            <translation>Problems and notes</translation>
        </message>
        <message>
            <source>Preview</source>
            <translation>Preview</translation>
        </message>
        <message>
            <source>To add</source>
            <translation>To add</translation>
        </message>
        <message>
            <source>No module</source>
            <translation>No module</translation>
        </message>
        <message>
            <source>Problems</source>
            <translation>Problems</translation>
        </message>
        <message>
            <source>Nothing is written until you press Import, and then every new row is added in one step or none is. Edit → Undo takes the whole import back; a verified backup of the database is also made just before (listed by 'studyplanner backups').</source>
            <translation>Nothing is written until you press Import, and then every new row is added in one step or none is. Edit → Undo takes the whole import back; a verified backup of the database is also made just before (listed by 'studyplanner backups').</translation>
        </message>
        <message>
            <source>About the backup</source>
            <translation>About the backup</translation>
        </message>
        <message>
            <source>Import</source>
            <translation>Import</translation>
        </message>
        <message>
            <source>Reading the file</source>
            <translation>Reading the file</translation>
        </message>
        <message>
            <source>&amp;Import</source>
            <translation>&amp;Import</translation>
        </message>
        <message>
            <source>The file could not be read: {0}</source>
            <translation>The file could not be read: {0}</translation>
        </message>
        <message numerus="yes">
            <source>%n session(s) to add</source>
            <translation>
                <numerusform>%n session to add</numerusform>
                <numerusform>%n sessions to add</numerusform>
            </translation>
        </message>
        <message>
            <source>{0} already stored (left out)</source>
            <translation>{0} already stored (left out)</translation>
        </message>
        <message numerus="yes">
            <source>%n row(s) with no matching module</source>
            <translation>
                <numerusform>%n row with no matching module</numerusform>
                <numerusform>%n rows with no matching module</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n problem(s)</source>
            <translation>
                <numerusform>%n problem</numerusform>
                <numerusform>%n problems</numerusform>
            </translation>
        </message>
        <message>
            <source>No module ({0})</source>
            <translation>No module ({0})</translation>
        </message>
        <message>
            <source>Problems ({0})</source>
            <translation>Problems ({0})</translation>
        </message>
        <message>
            <source>Nothing was imported: {0}</source>
            <translation>Nothing was imported: {0}</translation>
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
            <source>Pass &amp;mark (%):</source>
            <translation>Pass &amp;mark (%):</translation>
        </message>
        <message>
            <source>Pass mark in percent</source>
            <translation>Pass mark in percent</translation>
        </message>
        <message>
            <source>&amp;Effort multiplier:</source>
            <translation>&amp;Effort multiplier:</translation>
        </message>
        <message>
            <source>Effort multiplier</source>
            <translation>Effort multiplier</translation>
        </message>
        <message>
            <source>&amp;Weekly budget (h):</source>
            <translation>&amp;Weekly budget (h):</translation>
        </message>
        <message>
            <source>Weekly budget in hours</source>
            <translation>Weekly budget in hours</translation>
        </message>
        <message>
            <source>Share of questions to answer correctly to pass (72 % stands in for 720/1000).</source>
            <translation>Share of questions to answer correctly to pass (72 % stands in for 720/1000).</translation>
        </message>
        <message>
            <source>Planned hours per hour of video, for a module added without an effort.</source>
            <translation>Planned hours per hour of video, for a module added without an effort.</translation>
        </message>
        <message>
            <source>Hours of study you plan per week.</source>
            <translation>Hours of study you plan per week.</translation>
        </message>
        <message>
            <source>Pass mark: must be between 0 and 100 %, e.g. 72</source>
            <translation>Pass mark: must be between 0 and 100 %, e.g. 72</translation>
        </message>
        <message>
            <source>Effort multiplier: must be above 0 and at most 10, e.g. 1.2</source>
            <translation>Effort multiplier: must be above 0 and at most 10, e.g. 1.2</translation>
        </message>
        <message>
            <source>Weekly budget: must be above 0 and at most 112 hours, e.g. 5</source>
            <translation>Weekly budget: must be above 0 and at most 112 hours, e.g. 5</translation>
        </message>
        <message>
            <source>There is no plan yet: the plan settings appear here.</source>
            <translation>There is no plan yet: the plan settings appear here.</translation>
        </message>
        <message>
            <source>No plan</source>
            <translation>No plan</translation>
        </message>
        <message>
            <source>Settings sections</source>
            <translation>Settings sections</translation>
        </message>
        <message>
            <source>Exam profiles</source>
            <translation>Exam profiles</translation>
        </message>
        <message>
            <source>Exam profile to show</source>
            <translation>Exam profile to show</translation>
        </message>
        <message>
            <source>Exam profile title</source>
            <translation>Exam profile title</translation>
        </message>
        <message>
            <source>Exam profile details</source>
            <translation>Exam profile details</translation>
        </message>
        <message>
            <source>Domain weights</source>
            <translation>Domain weights</translation>
        </message>
        <message>
            <source>Domain</source>
            <translation>Domain</translation>
        </message>
        <message>
            <source>Weight (%)</source>
            <translation>Weight (%)</translation>
        </message>
        <message>
            <source>The bundled profiles are read-only.</source>
            <translation>The bundled profiles are read-only.</translation>
        </message>
        <message>
            <source>Profiles note</source>
            <translation>Profiles note</translation>
        </message>
        <message>
            <source>&amp;Profile:</source>
            <translation>&amp;Profile:</translation>
        </message>
        <message>
            <source>Plan parameters</source>
            <translation>Plan parameters</translation>
        </message>
        <message>
            <source>{0} hint</source>
            <translation>{0} hint</translation>
        </message>
        <message>
            <source>&amp;Apply</source>
            <translation>&amp;Apply</translation>
        </message>
        <message>
            <source>Apply plan parameters</source>
            <translation>Apply plan parameters</translation>
        </message>
        <message>
            <source>Re&amp;vert</source>
            <translation>Re&amp;vert</translation>
        </message>
        <message>
            <source>Revert plan parameters</source>
            <translation>Revert plan parameters</translation>
        </message>
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
        <message>
            <source>Module → domain matrix</source>
            <translation>Module → domain matrix</translation>
        </message>
        <message>
            <source>Module to domain matrix</source>
            <translation>Module to domain matrix</translation>
        </message>
        <message>
            <source>Module to domain shares</source>
            <translation>Module to domain shares</translation>
        </message>
        <message>
            <source>Share of each module's content per exam domain; each row adds up to 1, or is all 0</source>
            <translation>Share of each module's content per exam domain; each row adds up to 1, or is all 0</translation>
        </message>
        <message>
            <source>How much of each module's content belongs to each exam domain. Each row must add up to 1 (or be all 0: the module counts for no domain, like practice papers).</source>
            <translation>How much of each module's content belongs to each exam domain. Each row must add up to 1 (or be all 0: the module counts for no domain, like practice papers).</translation>
        </message>
        <message>
            <source>Matrix help</source>
            <translation>Matrix help</translation>
        </message>
        <message>
            <source>&amp;Save matrix</source>
            <translation>&amp;Save matrix</translation>
        </message>
        <message>
            <source>Save module to domain matrix</source>
            <translation>Save module to domain matrix</translation>
        </message>
        <message>
            <source>&amp;Discard changes</source>
            <translation>&amp;Discard changes</translation>
        </message>
        <message>
            <source>Discard matrix changes</source>
            <translation>Discard matrix changes</translation>
        </message>
        <message>
            <source>Module → domain matrix ({0})</source>
            <translation>Module → domain matrix ({0})</translation>
        </message>
        <message numerus="yes">
            <source>%n scored question(s); pass mark {0} %</source>
            <translation>
                <numerusform>%n scored question; pass mark {0} %</numerusform>
                <numerusform>%n scored questions; pass mark {0} %</numerusform>
            </translation>
        </message>
        <message>
            <source>Change plan parameters</source>
            <translation>Change plan parameters</translation>
        </message>
        <message>
            <source>Plan parameters saved</source>
            <translation>Plan parameters saved</translation>
        </message>
        <message>
            <source>Row {0} ({1}): {2}</source>
            <translation>Row {0} ({1}): {2}</translation>
        </message>
        <message>
            <source>Nothing was saved: fix row {0} first (highlighted).</source>
            <translation>Nothing was saved: fix row {0} first (highlighted).</translation>
        </message>
        <message>
            <source>Nothing was saved: fix rows {0} first (highlighted).</source>
            <translation>Nothing was saved: fix rows {0} first (highlighted).</translation>
        </message>
        <message>
            <source>Nothing was saved: {0}</source>
            <translation>Nothing was saved: {0}</translation>
        </message>
        <message>
            <source>Module → domain matrix saved</source>
            <translation>Module → domain matrix saved</translation>
        </message>
    </context>
    <context>
        <name>ShortcutsDialog</name>
        <message>
            <source>Keyboard shortcuts</source>
            <translation>Keyboard shortcuts</translation>
        </message>
        <message>
            <source>Action</source>
            <translation>Action</translation>
        </message>
        <message>
            <source>Shortcut</source>
            <translation>Shortcut</translation>
        </message>
    </context>
    <context>
        <name>StartWindow</name>
        <message>
            <source>StudyPlanner is starting</source>
            <translation>StudyPlanner is starting</translation>
        </message>
        <message>
            <source>Pages</source>
            <translation>Pages</translation>
        </message>
        <message>
            <source>Opening your study data…</source>
            <translation>Opening your study data…</translation>
        </message>
        <message>
            <source>Opening your study data</source>
            <translation>Opening your study data</translation>
        </message>
        <message>
            <source>Menu bar</source>
            <translation>Menu bar</translation>
        </message>
    </context>
    <context>
        <name>StoreError</name>
        <message>
            <source>StudyPlanner is already open</source>
            <translation>StudyPlanner is already open</translation>
        </message>
        <message>
            <source>{0}.

Close the other copy of StudyPlanner (or the program holding the file) and start again. Nothing was changed.</source>
            <translation>{0}.

Close the other copy of StudyPlanner (or the program holding the file) and start again. Nothing was changed.</translation>
        </message>
        <message>
            <source>StudyPlanner needs an update</source>
            <translation>StudyPlanner needs an update</translation>
        </message>
        <message>
            <source>The data file cannot be read</source>
            <translation>The data file cannot be read</translation>
        </message>
        <message>
            <source>{0}.

StudyPlanner did not delete it. Verified backups are kept in {1}; restore one (studyplanner restore --latest), or start with an empty file (the damaged file stays in quarantine).</source>
            <translation>{0}.

StudyPlanner did not delete it. Verified backups are kept in {1}; restore one (studyplanner restore --latest), or start with an empty file (the damaged file stays in quarantine).</translation>
        </message>
        <message>
            <source>The data file cannot be written</source>
            <translation>The data file cannot be written</translation>
        </message>
        <message>
            <source>{0}.

Check that the disk has space and that the folder is writable, then start again.</source>
            <translation>{0}.

Check that the disk has space and that the folder is writable, then start again.</translation>
        </message>
        <message>
            <source>StudyPlanner cannot open its data</source>
            <translation>StudyPlanner cannot open its data</translation>
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
        <message>
            <source>Today</source>
            <translation>Today</translation>
        </message>
        <message>
            <source>Exam</source>
            <translation>Exam</translation>
        </message>
        <message>
            <source>Planned</source>
            <translation>Planned</translation>
        </message>
        <message>
            <source>On time</source>
            <translation>On time</translation>
        </message>
        <message>
            <source>Slightly late</source>
            <translation>Slightly late</translation>
        </message>
        <message>
            <source>Late</source>
            <translation>Late</translation>
        </message>
        <message>
            <source>no forecast yet</source>
            <translation>no forecast yet</translation>
        </message>
        <message>
            <source>Planned {0} to {1}</source>
            <translation>Planned {0} to {1}</translation>
        </message>
        <message>
            <source>{0:.0f} % done, projected finish {1}</source>
            <translation>{0:.0f} % done, projected finish {1}</translation>
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
            <source>Readiness per exam domain (exam day)</source>
            <translation>Readiness per exam domain (exam day)</translation>
        </message>
        <message>
            <source>Mean</source>
            <translation>Mean</translation>
        </message>
        <message>
            <source>(no domains)</source>
            <translation>(no domains)</translation>
        </message>
        <message>
            <source>Readiness (% right)</source>
            <translation>Readiness (% right)</translation>
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
            <source>{0} {1} (90 %: {2} to {3})</source>
            <translation>{0} {1} (90 %: {2} to {3})</translation>
        </message>
        <message>
            <source>{0}. Pass mark {1}. {2}.</source>
            <translation>{0}. Pass mark {1}. {2}.</translation>
        </message>
        <message>
            <source> Below the pass mark: {0}.</source>
            <translation> Below the pass mark: {0}.</translation>
        </message>
        <message>
            <source>Readiness per domain chart</source>
            <translation>Readiness per domain chart</translation>
        </message>
        <message>
            <source>Burn-up (hours)</source>
            <translation>Burn-up (hours)</translation>
        </message>
        <message>
            <source>Date</source>
            <translation>Date</translation>
        </message>
        <message>
            <source>Cumulative hours (h)</source>
            <translation>Cumulative hours (h)</translation>
        </message>
        <message>
            <source>Planned (PV)</source>
            <translation>Planned (PV)</translation>
        </message>
        <message>
            <source>Earned (EV)</source>
            <translation>Earned (EV)</translation>
        </message>
        <message>
            <source>Actual (AC)</source>
            <translation>Actual (AC)</translation>
        </message>
        <message>
            <source>Total {0:.1f} h</source>
            <translation>Total {0:.1f} h</translation>
        </message>
        <message>
            <source>{0} finish {1}</source>
            <translation>{0} finish {1}</translation>
        </message>
        <message>
            <source>Exam {0}</source>
            <translation>Exam {0}</translation>
        </message>
        <message>
            <source>{0}. As of {1}: planned {2:.1f} h, earned {3:.1f} h, actual {4:.1f} h of {5:.1f} h in total. Planned finish {6}, exam {7}.</source>
            <translation>{0}. As of {1}: planned {2:.1f} h, earned {3:.1f} h, actual {4:.1f} h of {5:.1f} h in total. Planned finish {6}, exam {7}.</translation>
        </message>
        <message>
            <source> Forecast finish: {0}.</source>
            <translation> Forecast finish: {0}.</translation>
        </message>
        <message>
            <source> No forecast yet.</source>
            <translation> No forecast yet.</translation>
        </message>
        <message>
            <source>Burn-up chart</source>
            <translation>Burn-up chart</translation>
        </message>
        <message>
            <source>Mock test scores</source>
            <translation>Mock test scores</translation>
        </message>
        <message>
            <source>Date taken</source>
            <translation>Date taken</translation>
        </message>
        <message>
            <source>Score (% right, raw)</source>
            <translation>Score (% right, raw)</translation>
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
            <source>{0} on {1}: {2:.0f} % (topic quiz)</source>
            <translation>{0} on {1}: {2:.0f} % (topic quiz)</translation>
        </message>
        <message>
            <source>{0} on {1}: {2:.0f} %</source>
            <translation>{0} on {1}: {2:.0f} %</translation>
        </message>
        <message>
            <source>{0}. No mock tests yet.</source>
            <translation>{0}. No mock tests yet.</translation>
        </message>
        <message>
            <source>Mock test scores chart</source>
            <translation>Mock test scores chart</translation>
        </message>
        <message>
            <source>Hours per plan week</source>
            <translation>Hours per plan week</translation>
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
            <source>Nothing studied in these weeks</source>
            <translation>Nothing studied in these weeks</translation>
        </message>
        <message>
            <source>{0} to {1} of {2}: {3}</source>
            <translation>{0} to {1} of {2}: {3}</translation>
        </message>
        <message>
            <source>Plan week ({0} to {1} of {2})</source>
            <translation>Plan week ({0} to {1} of {2})</translation>
        </message>
        <message>
            <source>W{0}</source>
            <translation>W{0}</translation>
        </message>
        <message>
            <source>Plan week</source>
            <translation>Plan week</translation>
        </message>
        <message>
            <source>Hours (h)</source>
            <translation>Hours (h)</translation>
        </message>
        <message>
            <source>Planned</source>
            <translation>Planned</translation>
        </message>
        <message>
            <source>Needed {0:.1f} h</source>
            <translation>Needed {0:.1f} h</translation>
        </message>
        <message>
            <source>{0}. {1}.</source>
            <translation>{0}. {1}.</translation>
        </message>
        <message>
            <source>No completed week yet</source>
            <translation>No completed week yet</translation>
        </message>
        <message>
            <source> This week so far: {0:.1f} h.</source>
            <translation> This week so far: {0:.1f} h.</translation>
        </message>
        <message>
            <source> Needed from now: {0:.1f} h per week.</source>
            <translation> Needed from now: {0:.1f} h per week.</translation>
        </message>
        <message>
            <source>Hours per week chart</source>
            <translation>Hours per week chart</translation>
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
