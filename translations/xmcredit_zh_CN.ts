<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AdminSession</name>
    <message>
        <source>--on takes a date as yyyy-MM-dd, not &quot;%1&quot;.</source>
        <translation>--on 需要 yyyy-MM-dd 格式的日期，而不是“%1”。</translation>
    </message>
    <message>
        <source>--on is for demo workstations only: on a real workstation everything happens today.</source>
        <translation>--on 仅用于演示工作站：正式工作站上的一切操作都按当天进行。</translation>
    </message>
    <message>
        <source>Name the subject with --subject.</source>
        <translation>请用 --subject 指定信用主体。</translation>
    </message>
    <message>
        <source>There is no subject %1.</source>
        <translation>没有信用主体 %1。</translation>
    </message>
</context>
<context>
    <name>AppController</name>
    <message>
        <source>There is no workstation in %1.

An administrator creates one with
    xmcredit-admin init --workstation %1
(see xmcredit-admin init --help), or starts the workstation with --workstation on the directory of an existing one.

Developers get a demo workstation with sample logins from
    installer/dev.sh run</source>
        <translation>%1 中没有工作站。

管理员可使用以下命令创建：
    xmcredit-admin init --workstation %1
（参见 xmcredit-admin init --help），或使用 --workstation 指定现有工作站所在目录来启动工作站。

开发人员可使用以下命令获得带示例登录账号的演示工作站：
    installer/dev.sh run</translation>
    </message>
</context>
<context>
    <name>AttachmentStore</name>
    <message>
        <source>The file &quot;%1&quot; is empty.</source>
        <translation>文件“%1”为空。</translation>
    </message>
    <message>
        <source>The file &quot;%1&quot; is larger than %2 MB.</source>
        <translation>文件“%1”超过 %2 MB。</translation>
    </message>
    <message>
        <source>An attachment needs its owner, its file name and who added it.</source>
        <translation>附件必须注明所属对象、文件名和添加人。</translation>
    </message>
    <message>
        <source>There is no attachment %1.</source>
        <translation>不存在附件 %1。</translation>
    </message>
    <message>
        <source>The attachment &quot;%1&quot; does not match its recorded SHA-256: it was altered or damaged.</source>
        <translation>附件“%1”与记录的 SHA-256 值不符：附件已被篡改或损坏。</translation>
    </message>
    <message>
        <source>Your role does not allow looking at scans.</source>
        <translation>您的角色无权查看扫描件。</translation>
    </message>
</context>
<context>
    <name>AuditLog</name>
    <message>
        <source>An audit entry needs an actor and an action.</source>
        <translation>审计日志条目必须包含操作人和操作。</translation>
    </message>
    <message>
        <source>The audit log could not be read: %1</source>
        <translation>无法读取审计日志：%1</translation>
    </message>
    <message>
        <source>Audit entry %1 is missing (the next entry is %2).</source>
        <translation>审计日志条目 %1 缺失（下一条为 %2）。</translation>
    </message>
    <message>
        <source>Audit entry %1 is out of sequence.</source>
        <translation>审计日志条目 %1 顺序错乱。</translation>
    </message>
    <message>
        <source>Audit entry %1 does not link to the entry before it: entries were removed, reordered or altered.</source>
        <translation>审计日志条目 %1 与前一条目链接不上：有条目被删除、调换顺序或篡改。</translation>
    </message>
    <message>
        <source>Audit entry %1 has been altered: its content does not match its hash.</source>
        <translation>审计日志条目 %1 已被篡改：其内容与哈希值不符。</translation>
    </message>
    <message>
        <source>The audit log&apos;s recorded head is missing.</source>
        <translation>审计日志记录的链头缺失。</translation>
    </message>
    <message>
        <source>Audit entries %1 to %2 are missing at the end of the log.</source>
        <translation>审计日志末尾的条目 %1 至 %2 缺失。</translation>
    </message>
    <message>
        <source>Audit entries after %1 were added outside the program.</source>
        <translation>条目 %1 之后的审计日志条目是在本程序之外添加的。</translation>
    </message>
    <message>
        <source>Audit entry %1 does not match the recorded head of the log.</source>
        <translation>审计日志条目 %1 与记录的日志链头不符。</translation>
    </message>
    <message numerus="yes">
        <source>The audit log is intact: %n entries.</source>
        <translation>
            <numerusform>审计日志完整：共 %n 条。</numerusform>
        </translation>
    </message>
    <message>
        <source>The audit log&apos;s head could not be read: %1</source>
        <translation>无法读取审计日志的链头：%1</translation>
    </message>
    <message>
        <source>The audit log&apos;s recorded head is missing: it was deleted outside the program.</source>
        <translation>审计日志记录的链头缺失：它在本程序之外被删除。</translation>
    </message>
    <message>
        <source>The audit entry cannot be signed: %1 is not logged in here.</source>
        <translation>无法对审计日志条目签名：%1 未在此登录。</translation>
    </message>
    <message>
        <source>The staff list could not be read: %1</source>
        <translation>无法读取工作人员名单：%1</translation>
    </message>
    <message>
        <source>Audit entry %1 is not signed by %2, whom it names: it was forged.</source>
        <translation>审计日志条目 %1 并非由其所记载的操作人 %2 签名：该条目系伪造。</translation>
    </message>
    <message>
        <source>The row seals could not be read: %1</source>
        <translation>无法读取行封印：%1</translation>
    </message>
    <message>
        <source>The signing key of %1 was replaced (the password was reset): log in again.</source>
        <translation>%1 的签名密钥已更换（密码已被重置）：请重新登录。</translation>
    </message>
</context>
<context>
    <name>AuditPage</name>
    <message>
        <source>Who (username)</source>
        <translation>操作人（用户名）</translation>
    </message>
    <message>
        <source>Action (e.g. subject.open, case.)</source>
        <translation>操作（如 subject.open、case.）</translation>
    </message>
    <message>
        <source>&amp;Show</source>
        <translation>显示(&amp;S)</translation>
    </message>
    <message>
        <source>from</source>
        <translation>从</translation>
    </message>
    <message>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <source>&amp;Verify the Chain</source>
        <translation>校验哈希链(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Export This View (CSV)…</source>
        <translation>导出当前视图（CSV）(&amp;E)…</translation>
    </message>
    <message>
        <source>Worth a look (choose one to mark its entries)</source>
        <translation>值得关注（选择一项以标出相关条目）</translation>
    </message>
    <message>
        <source>Export the Audit View</source>
        <translation>导出审计视图</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>Read-only session: %1</source>
        <translation>只读会话：%1</translation>
    </message>
    <message>
        <source>Audit entries exported by %1 (%2) at %3 from %4</source>
        <translation>审计日志条目，由 %1（%2）于 %3 从 %4 导出</translation>
    </message>
    <message>
        <source>Object (e.g. subject 1234, case XF2026-1A2B-000001)</source>
        <translation>对象（如 subject 1234、case XF2026-1A2B-000001）</translation>
    </message>
</context>
<context>
    <name>AuditReview</name>
    <message>
        <source>Many subjects in a short time</source>
        <translation>短时间内查询大量主体</translation>
    </message>
    <message>
        <source>Query with no case or report behind it</source>
        <translation>查询后无案件或报告</translation>
    </message>
    <message>
        <source>Work outside working hours</source>
        <translation>非工作时间操作</translation>
    </message>
    <message>
        <source>Repeated failed unlocks</source>
        <translation>多次解锁失败</translation>
    </message>
    <message>
        <source>%1 opened %2 different subjects within %3 minutes (%4 to %5).</source>
        <translation>%1 在 %3 分钟内打开了 %2 个不同的信用主体（%4 至 %5）。</translation>
    </message>
    <message>
        <source>%1 opened subject %2 (%3) on %4 (basis: %5) and took in no case and printed no report for it that day.</source>
        <translation>%1 于 %4 打开了信用主体 %2（%3）（依据：%5），当天未就其受理案件或打印报告。</translation>
    </message>
    <message>
        <source>%1 did %2 action(s) outside working hours on %3.</source>
        <translation>%1 于 %3 在非工作时间进行了 %2 次操作。</translation>
    </message>
    <message>
        <source>%1 did %2 action(s) on %3, a day off.</source>
        <translation>%1 于休息日 %3 进行了 %2 次操作。</translation>
    </message>
    <message>
        <source>%1 failed to unlock the window %2 times on %3.</source>
        <translation>%1 于 %3 解锁窗口失败 %2 次。</translation>
    </message>
    <message>
        <source>Repeated failed logins</source>
        <translation>多次登录失败</translation>
    </message>
    <message>
        <source>%1 failed logins between %2 and %3 (%4 under names that are not staff), written in when %5 logged in.</source>
        <translation>%2 至 %3 之间登录失败 %1 次（其中 %4 次使用的不是工作人员的用户名），于 %5 登录时记入。</translation>
    </message>
</context>
<context>
    <name>AuditTrailModel</name>
    <message>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>操作人</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Object</source>
        <translation>对象</translation>
    </message>
    <message>
        <source>Basis</source>
        <translation>依据</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详情</translation>
    </message>
</context>
<context>
    <name>AuditedExport</name>
    <message>
        <source>%1 cannot be written: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>The export is not made, because it cannot be audited: %1</source>
        <translation>由于无法记入审计日志，未进行导出：%1</translation>
    </message>
</context>
<context>
    <name>BackgroundSync</name>
    <message>
        <source>S&amp;ync Now</source>
        <translation>立即同步(&amp;Y)</translation>
    </message>
    <message>
        <source>Platform: syncing…</source>
        <translation>平台：正在同步…</translation>
    </message>
    <message numerus="yes">
        <source>Synced with the platform: %n new page(s) of records.</source>
        <translation>
            <numerusform>已与平台同步：新数据 %n 页。</numerusform>
        </translation>
    </message>
    <message>
        <source>The sync with the platform failed: %1</source>
        <translation>与平台同步失败：%1</translation>
    </message>
    <message>
        <source>Platform: not enrolled online</source>
        <translation>平台：未在线登记</translation>
    </message>
    <message>
        <source>An administrator enrols this workstation with xmcredit-admin enrol --platform URL --code CODE --ca-cert FILE.</source>
        <translation>由管理员使用 xmcredit-admin enrol --platform URL --code CODE --ca-cert FILE 为本工作站登记。</translation>
    </message>
    <message>
        <source>Platform: sync failed at %1</source>
        <translation>平台：%1 同步失败</translation>
    </message>
    <message>
        <source>Platform: sync failed at %1 (last synced %2)</source>
        <translation>平台：%1 同步失败（上次同步 %2）</translation>
    </message>
    <message>
        <source>Platform: synced %1</source>
        <translation>平台：%1 已同步</translation>
    </message>
    <message numerus="yes">
        <source>The last sync brought %n new page(s) of records.</source>
        <translation>
            <numerusform>上次同步获取新数据 %n 页。</numerusform>
        </translation>
    </message>
    <message>
        <source>Platform: not synced yet</source>
        <translation>平台：尚未同步</translation>
    </message>
    <message>
        <source>Sync with the city platform now: pull its new signed records and send this window&apos;s work</source>
        <translation>立即与市平台同步：拉取平台新签发的记录，并上报本窗口的工作</translation>
    </message>
    <message numerus="yes">
        <source>%n to send</source>
        <translation>
            <numerusform>%n 条待上报</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n not taken by the platform</source>
        <translation>
            <numerusform>%n 条未被平台采纳</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n of this window&apos;s case moves or entries were not taken by the platform (a case moved on at another window, or a refusal): the case page shows each; xmcredit-admin outbox lists them.</source>
        <translation>
            <numerusform>本窗口有 %n 条案件操作或记录未被平台采纳（案件已在其他窗口推进，或被平台拒绝）：案件页面逐条显示；xmcredit-admin outbox 可列出全部。</numerusform>
        </translation>
    </message>
    <message>
        <source>Platform: first sync, %1</source>
        <translation>平台：首次同步，%1</translation>
    </message>
    <message>
        <source>Platform: syncing, %1</source>
        <translation>平台：正在同步，%1</translation>
    </message>
</context>
<context>
    <name>CalendarYears</name>
    <message>
        <source>The platform&apos;s calendar for %1 cannot be read: %2</source>
        <translation>平台发布的 %1 年节假日安排无法读取：%2</translation>
    </message>
    <message>
        <source>A calendar change needs its year and version.</source>
        <translation>节假日安排变更须注明年份和版本。</translation>
    </message>
    <message>
        <source>The calendar for %1 does not parse: %2</source>
        <translation>%1 年节假日安排无法解析：%2</translation>
    </message>
    <message>
        <source>The calendar change for %1 defines the year %2.</source>
        <translation>%1 年的节假日安排变更定义的却是 %2 年。</translation>
    </message>
</context>
<context>
    <name>CaseClocks</name>
    <message>
        <source>Case %1 has no row for its clocks.</source>
        <translation>案件 %1 没有时限记录行。</translation>
    </message>
    <message>
        <source>%1 cases have no row for their clocks.</source>
        <translation>%1 件案件没有时限记录行。</translation>
    </message>
    <message>
        <source>Case %1: its stored queue row differs from what its events and records give (stored due %2, computed %3).</source>
        <translation>案件 %1：存储的队列记录与其流程记录和基础数据不符（存储的期限 %2，重新计算为 %3）。</translation>
    </message>
</context>
<context>
    <name>CaseCommands</name>
    <message>
        <source>The subject: its identifier or its number.</source>
        <translation>信用主体：其证件号码或编号。</translation>
    </message>
    <message>
        <source>A credit item of the subject: its number or platform id.</source>
        <translation>该主体的一条信用信息：其编号或平台编号。</translation>
    </message>
    <message>
        <source>The applicant&apos;s name.</source>
        <translation>申请人姓名。</translation>
    </message>
    <message>
        <source>The applicant&apos;s ID number.</source>
        <translation>申请人身份证件号码。</translation>
    </message>
    <message>
        <source>The applicant&apos;s document (default resident_id).</source>
        <translation>申请人的身份证件类型（默认 resident_id，即居民身份证）。</translation>
    </message>
    <message>
        <source>The applicant is the subject itself (self, the default), its legal representative (representative) or an agent (agent).</source>
        <translation>申请人为主体本人（self，默认）、其法定代表人（representative）或受托代理人（agent）。</translation>
    </message>
    <message>
        <source>How the identity document was checked (default reader).</source>
        <translation>身份证件的核验方式（默认 reader，即读卡器）。</translation>
    </message>
    <message>
        <source>Objection grounds: error, omission, trade_secret, privacy or other_rights.</source>
        <translation>异议理由：error（错误）、omission（遗漏）、trade_secret（商业秘密）、privacy（个人隐私）或 other_rights（其他合法权益）。</translation>
    </message>
    <message>
        <source>The applicant&apos;s statement.</source>
        <translation>申请人的陈述。</translation>
    </message>
    <message>
        <source>A scanned material: the policy&apos;s material key and the file (repeatable).</source>
        <translation>扫描材料：政策规定的材料代码和文件（可重复指定）。</translation>
    </message>
    <message>
        <source>move: the stage to move to; assign: the reviewer.</source>
        <translation>move：要转入的环节；assign：承办的初审员。</translation>
    </message>
    <message>
        <source>move: the workflow action, instead of --to.</source>
        <translation>move：流程操作，可代替 --to。</translation>
    </message>
    <message>
        <source>The reason or the decision&apos;s text.</source>
        <translation>理由或决定内容。</translation>
    </message>
    <message>
        <source>correct: the item&apos;s corrected title.</source>
        <translation>correct：更正后的信息标题。</translation>
    </message>
    <message>
        <source>correct: the item&apos;s corrected content.</source>
        <translation>correct：更正后的信息内容。</translation>
    </message>
    <message>
        <source>Demo workstations only: the day the action happens, or the day list and show compute the clocks for (yyyy-MM-dd; default today).</source>
        <translation>仅限演示工作站：操作发生的日期，或 list 和 show 计算时限所依据的日期（yyyy-MM-dd；默认今天）。</translation>
    </message>
    <message>
        <source>list: closed cases too.</source>
        <translation>list：同时列出已办结的案件。</translation>
    </message>
    <message>
        <source>--material takes KEY=FILE, not &quot;%1&quot;.</source>
        <translation>--material 的格式为 KEY=FILE，而不是“%1”。</translation>
    </message>
    <message>
        <source>The scan %1 cannot be read: %2</source>
        <translation>无法读取扫描件 %1：%2</translation>
    </message>
    <message>
        <source>Name the credit item with --item.</source>
        <translation>请使用 --item 指定信用信息。</translation>
    </message>
    <message>
        <source>There is no credit item %1.</source>
        <translation>不存在信用信息 %1。</translation>
    </message>
    <message>
        <source> (paused)</source>
        <translation>（已暂停）</translation>
    </message>
    <message>
        <source>due %1, %2</source>
        <translation>期限 %1，%2</translation>
    </message>
    <message>
        <source>intake, move, assign, pause, resume, show or list</source>
        <translation>intake、move、assign、pause、resume、show 或 list</translation>
    </message>
    <message>
        <source>repair or objection (intake); CASE_NO</source>
        <translation>repair 或 objection（intake）；CASE_NO（案件编号）</translation>
    </message>
    <message>
        <source>Unknown case command &apos;%1&apos;: use %2.</source>
        <translation>未知的 case 命令“%1”：请使用 %2。</translation>
    </message>
    <message>
        <source>case %1 takes one argument.</source>
        <translation>case %1 需要一个参数。</translation>
    </message>
    <message>
        <source>case list takes no argument.</source>
        <translation>case list 不接受参数。</translation>
    </message>
    <message>
        <source>case intake takes repair or objection, not &quot;%1&quot;.</source>
        <translation>case intake 的参数为 repair 或 objection，而不是“%1”。</translation>
    </message>
    <message>
        <source>An objection concerns one credit item.</source>
        <translation>一件异议只针对一条信用信息。</translation>
    </message>
    <message>
        <source>There is no case %1.</source>
        <translation>不存在案件 %1。</translation>
    </message>
    <message>
        <source>Name the stage to move to with --to (or the action with --action).</source>
        <translation>请使用 --to 指定要转入的环节（或使用 --action 指定操作）。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a stage of a %2 case: use one of %3.</source>
        <translation>“%1”不是%2案件的环节：请使用 %3 之一。</translation>
    </message>
    <message>
        <source>A case that is %1 cannot move to %2.</source>
        <translation>处于“%1”的案件不能转入“%2”。</translation>
    </message>
    <message>
        <source>Name the reviewer with --to.</source>
        <translation>请使用 --to 指定初审员。</translation>
    </message>
    <message>
        <source>receipt: the PDF file to write.</source>
        <translation>receipt：要写入的 PDF 文件。</translation>
    </message>
    <message>
        <source>Repair and objection cases, through the same rules as the window.
  case intake repair --subject ID --item ITEM [--item ITEM …] --applicant-name NAME --applicant-id ID
        [--capacity self|representative|agent] [--id-checked HOW] [--material KEY=FILE …]
  case intake objection --subject ID --item ITEM --grounds KEY --statement TEXT --applicant-name NAME
        --applicant-id ID [--material KEY=FILE …]
  case move CASE_NO --to STAGE [--note TEXT] [--title TEXT --content TEXT]   (or --action ACTION)
  case assign CASE_NO --to REVIEWER --note REASON
  case pause CASE_NO --note TEXT          (request supplementary materials: the clock stops)
  case resume CASE_NO [--material KEY=FILE …]   (the materials arrived: the clock runs again)
  case show CASE_NO
  case receipt CASE_NO --pdf FILE        (the acceptance receipt)
  case list [--all]
Every sub-command also takes --user NAME --password-stdin [--json] and, on a demo workstation only,
--on DATE. Refusals exit 11 (a rule, with the reason) or 7 (the role); bad input exits 3; an unknown
case, subject or item 10.</source>
        <translation>信用修复和异议案件，与窗口使用相同的规则。
  case intake repair --subject ID --item ITEM [--item ITEM …] --applicant-name NAME --applicant-id ID
        [--capacity self|representative|agent] [--id-checked HOW] [--material KEY=FILE …]
  case intake objection --subject ID --item ITEM --grounds KEY --statement TEXT --applicant-name NAME
        --applicant-id ID [--material KEY=FILE …]
  case move CASE_NO --to STAGE [--note TEXT] [--title TEXT --content TEXT]   （或 --action ACTION）
  case assign CASE_NO --to REVIEWER --note REASON
  case pause CASE_NO --note TEXT          （要求补正材料：时限暂停）
  case resume CASE_NO [--material KEY=FILE …]   （补正材料已到：时限恢复计算）
  case show CASE_NO
  case receipt CASE_NO --pdf FILE        （受理回执）
  case list [--all]
每个子命令还接受 --user NAME --password-stdin [--json]，仅在演示工作站上还接受 --on DATE。
因规则拒绝时退出码为 11（附理由），因角色拒绝时为 7；输入有误为 3；案件、主体或信息不存在为 10。</translation>
    </message>
    <message>
        <source>Name the PDF file with --pdf.</source>
        <translation>请使用 --pdf 指定 PDF 文件。</translation>
    </message>
    <message>
        <source>Fills a demo workstation&apos;s queues: repair applications and objections received over the last weeks and moved on by the demo clerk and reviewer, in every stage and clock state. Only for demo workstations with a demo city and no cases yet (exit 9 when there are cases). Logs in as the demo staff itself.</source>
        <translation>为演示工作站填充案件队列：近几周受理、由演示受理员和初审员推进的信用修复和异议案件，涵盖各个环节和时限状态。仅限已生成演示城市且尚无案件的演示工作站（已有案件时退出码为 9）。该命令自行以演示工作人员身份登录。</translation>
    </message>
    <message>
        <source>Number of cases (default 60).</source>
        <translation>案件数量（默认 60）。</translation>
    </message>
    <message>
        <source>Seed of the generator (default 1).</source>
        <translation>生成器的种子（默认 1）。</translation>
    </message>
    <message>
        <source>--count takes 0 to 100000.</source>
        <translation>--count 取值为 0 到 100000。</translation>
    </message>
    <message>
        <source>--seed takes a whole number.</source>
        <translation>--seed 须为整数。</translation>
    </message>
    <message>
        <source>demo-cases is for demo workstations only.</source>
        <translation>demo-cases 仅限演示工作站使用。</translation>
    </message>
    <message>
        <source>The workstation has cases already.</source>
        <translation>该工作站已有案件。</translation>
    </message>
    <message numerus="yes">
        <source>Made %n demo case(s).</source>
        <translation>
            <numerusform>已生成 %n 件演示案件。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CaseIntakeDialog</name>
    <message>
        <source>Credit Repair Application</source>
        <translation>信用修复申请</translation>
    </message>
    <message>
        <source>Objection</source>
        <translation>异议申请</translation>
    </message>
    <message>
        <source>%1 (%2)
Item %3: %4, decided %5</source>
        <translation>%1（%2）
信息 %3：%4，决定日期 %5</translation>
    </message>
    <message>
        <source>The subject in person</source>
        <translation>主体本人</translation>
    </message>
    <message>
        <source>Its legal representative</source>
        <translation>其法定代表人</translation>
    </message>
    <message>
        <source>An agent with a power of attorney</source>
        <translation>持授权委托书的代理人</translation>
    </message>
    <message>
        <source>&amp;Applicant is:</source>
        <translation>申请人身份(&amp;A)：</translation>
    </message>
    <message>
        <source>Applicant&apos;s &amp;name:</source>
        <translation>申请人姓名(&amp;N)：</translation>
    </message>
    <message>
        <source>Resident ID number (an ID card reader types it here)</source>
        <translation>居民身份证号码（读卡器会自动填入）</translation>
    </message>
    <message>
        <source>Applicant&apos;s &amp;ID number:</source>
        <translation>申请人证件号码(&amp;I)：</translation>
    </message>
    <message>
        <source>ID card reader</source>
        <translation>身份证读卡器</translation>
    </message>
    <message>
        <source>Checked by sight against the holder</source>
        <translation>人证比对核验</translation>
    </message>
    <message>
        <source>Online identity verification</source>
        <translation>联网身份核查</translation>
    </message>
    <message>
        <source>Identity &amp;checked by:</source>
        <translation>身份核验方式(&amp;C)：</translation>
    </message>
    <message>
        <source>&amp;Grounds:</source>
        <translation>异议理由(&amp;G)：</translation>
    </message>
    <message>
        <source>What is wrong, and why (required)</source>
        <translation>哪里有误、为什么（必填）</translation>
    </message>
    <message>
        <source>The applicant&apos;s statement (optional)</source>
        <translation>申请人陈述（选填）</translation>
    </message>
    <message>
        <source>&amp;Statement:</source>
        <translation>陈述(&amp;S)：</translation>
    </message>
    <message>
        <source>Materials (attach each scan; missing ones put the case into supplement):</source>
        <translation>申请材料（逐项附上扫描件；缺少的材料将使案件进入补正）：</translation>
    </message>
    <message>
        <source>Material</source>
        <translation>材料</translation>
    </message>
    <message>
        <source>Scan</source>
        <translation>扫描件</translation>
    </message>
    <message>
        <source>Scanner &amp;Folder…</source>
        <translation>扫描文件夹(&amp;F)…</translation>
    </message>
    <message>
        <source>&amp;Receive</source>
        <translation>受理(&amp;R)</translation>
    </message>
    <message>
        <source>Scanner Folder</source>
        <translation>扫描文件夹</translation>
    </message>
    <message>
        <source>No scanner folder is watched: attach scans from files.</source>
        <translation>未监视扫描文件夹：请从文件附上扫描件。</translation>
    </message>
    <message>
        <source>From the moment the objection is received, the item shows as under objection (异议处理中). Decision due within 6 working days.</source>
        <translation>异议受理后，该信息即标注为“异议处理中”。办结期限为 6 个工作日。</translation>
    </message>
    <message>
        <source>Eligible for credit repair. %1</source>
        <translation>符合信用修复条件。%1</translation>
    </message>
    <message>
        <source>Not yet: an application is accepted from %1. %2</source>
        <translation>暂不符合：自 %1 起方可受理申请。%2</translation>
    </message>
    <message>
        <source>Never repairable: %1</source>
        <translation>不予修复：%1</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>缺少</translation>
    </message>
    <message>
        <source>✓ %1</source>
        <translation>✓ %1</translation>
    </message>
    <message>
        <source>Attach…</source>
        <translation>附上…</translation>
    </message>
    <message>
        <source>Scan of the Material</source>
        <translation>材料扫描件</translation>
    </message>
    <message>
        <source>Scans (*.pdf *.png *.jpg *.jpeg *.tif *.tiff)</source>
        <translation>扫描件 (*.pdf *.png *.jpg *.jpeg *.tif *.tiff)</translation>
    </message>
    <message>
        <source>The scan %1 cannot be read: %2</source>
        <translation>无法读取扫描件 %1：%2</translation>
    </message>
    <message>
        <source>The scan %1 is empty.</source>
        <translation>扫描件 %1 为空。</translation>
    </message>
    <message>
        <source>Watching the scanner folder %1: a new scan is attached to the next missing material.</source>
        <translation>正在监视扫描文件夹 %1：新的扫描件将附到下一项缺少的材料。</translation>
    </message>
    <message>
        <source>Attached the new scan %1 as: %2</source>
        <translation>已将新扫描件 %1 附为：%2</translation>
    </message>
    <message>
        <source>This item cannot be repaired now: see above.</source>
        <translation>该信息目前不能修复：见上方说明。</translation>
    </message>
</context>
<context>
    <name>CaseQueueModel</name>
    <message>
        <source>on time</source>
        <translation>按期</translation>
    </message>
    <message>
        <source>at risk</source>
        <translation>临期</translation>
    </message>
    <message>
        <source>due today</source>
        <translation>今日到期</translation>
    </message>
    <message>
        <source>overdue</source>
        <translation>已超期</translation>
    </message>
    <message>
        <source>paused (supplement)</source>
        <translation>暂停（补正）</translation>
    </message>
    <message>
        <source>completed in time</source>
        <translation>按期办结</translation>
    </message>
    <message>
        <source>completed late</source>
        <translation>超期办结</translation>
    </message>
    <message numerus="yes">
        <source>%n working day(s) left</source>
        <translation>
            <numerusform>剩余 %n 个工作日</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>overdue by %n working day(s)</source>
        <translation>
            <numerusform>超期 %n 个工作日</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>paused: %n working day(s) left</source>
        <translation>
            <numerusform>暂停：剩余 %n 个工作日</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>completed %n working day(s) late</source>
        <translation>
            <numerusform>超期 %n 个工作日办结</numerusform>
        </translation>
    </message>
    <message>
        <source> (estimated)</source>
        <translation>（估算）</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>案件编号</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>信用主体</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>环节</translation>
    </message>
    <message>
        <source>Reviewer</source>
        <translation>初审员</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>受理日期</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>期限</translation>
    </message>
    <message>
        <source>Time left</source>
        <translation>剩余时间</translation>
    </message>
    <message>
        <source>Clock</source>
        <translation>时限状态</translation>
    </message>
</context>
<context>
    <name>CaseReceipt</name>
    <message>
        <source>There is no case %1.</source>
        <translation>不存在案件 %1。</translation>
    </message>
    <message>
        <source>Xiamen Public Credit Information Centre</source>
        <translation>厦门市公共信用信息中心</translation>
    </message>
    <message>
        <source>Acceptance Receipt: Credit Repair Application</source>
        <translation>信用修复申请受理回执</translation>
    </message>
    <message>
        <source>Acceptance Receipt: Objection to Public Credit Information</source>
        <translation>公共信用信息异议申请受理回执</translation>
    </message>
    <message>
        <source>Case number: %1</source>
        <translation>受理编号：%1</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>信用主体</translation>
    </message>
    <message>
        <source>Identifier</source>
        <translation>证件号码</translation>
    </message>
    <message>
        <source>Applicant</source>
        <translation>申请人</translation>
    </message>
    <message>
        <source>the subject in person</source>
        <translation>主体本人</translation>
    </message>
    <message>
        <source>legal representative</source>
        <translation>法定代表人</translation>
    </message>
    <message>
        <source>agent with a power of attorney</source>
        <translation>持授权委托书的代理人</translation>
    </message>
    <message>
        <source>Applicant&apos;s ID</source>
        <translation>申请人证件号码</translation>
    </message>
    <message>
        <source>Credit items</source>
        <translation>涉及信用信息</translation>
    </message>
    <message>
        <source>Grounds</source>
        <translation>异议理由</translation>
    </message>
    <message>
        <source>Received on</source>
        <translation>受理日期</translation>
    </message>
    <message>
        <source>Materials received</source>
        <translation>已收材料</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Materials to supplement</source>
        <translation>需补正材料</translation>
    </message>
    <message>
        <source>The time limit starts to run again on the working day after the missing materials are received (time taken to supplement materials is not counted).</source>
        <translation>自收到补正材料的次一工作日起继续计算办理时限（补正材料所用时间不计入办理时限）。</translation>
    </message>
    <message>
        <source>%1 (%2 working days%3)</source>
        <translation>%1（%2 个工作日%3）</translation>
    </message>
    <message>
        <source>, estimated</source>
        <translation>，估算</translation>
    </message>
    <message>
        <source>Municipal review due</source>
        <translation>市级初审办结期限</translation>
    </message>
    <message>
        <source>Decision due</source>
        <translation>办结期限</translation>
    </message>
    <message>
        <source>Whole procedure due</source>
        <translation>全流程办结期限</translation>
    </message>
    <message>
        <source>%1 (10 working days, including the provincial and national review)</source>
        <translation>%1（10 个工作日，含省级和国家审核）</translation>
    </message>
    <message>
        <source>Your application has been received. Time limits are counted in working days; the day of receipt is not counted. The decision will be notified to you.</source>
        <translation>您的申请已受理。办理时限按工作日计算，受理当日不计入。办理结果将另行告知。</translation>
    </message>
    <message>
        <source>Your objection has been received. While it is handled, the item is shown as under objection. The result will be notified to you.</source>
        <translation>您的异议申请已受理。办理期间，该信息将标注为“异议处理中”。办理结果将另行告知。</translation>
    </message>
    <message>
        <source>Service window: %1</source>
        <translation>受理窗口：%1</translation>
    </message>
    <message>
        <source>Received by: %1</source>
        <translation>受理人：%1</translation>
    </message>
    <message>
        <source>Printed by %1 on %2</source>
        <translation>打印人：%1，打印时间：%2</translation>
    </message>
    <message>
        <source>Acceptance receipt %1</source>
        <translation>受理回执 %1</translation>
    </message>
    <message>
        <source>The PDF %1 cannot be written.</source>
        <translation>无法写入 PDF 文件 %1。</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
</context>
<context>
    <name>CaseReplica</name>
    <message>
        <source>A case move names case &quot;%1&quot;, which is not a case number.</source>
        <translation>一条案件变动所指的“%1”不是案件编号。</translation>
    </message>
    <message>
        <source>A move of case %1 is of an unknown kind &quot;%2&quot;.</source>
        <translation>案件 %1 的变动属于未知的案件类型“%2”。</translation>
    </message>
    <message>
        <source>A move of case %1 has no sequence number.</source>
        <translation>案件 %1 的变动缺少序号。</translation>
    </message>
    <message>
        <source>Move %1 of case %2 names an unknown action or state.</source>
        <translation>案件 %2 的第 %1 项变动包含未知的操作或状态。</translation>
    </message>
    <message>
        <source>Move %1 of case %2 lacks its day, its actor or its time, or its details are not an object.</source>
        <translation>案件 %2 的第 %1 项变动缺少日期、办理人或时间，或其详情不是对象。</translation>
    </message>
    <message>
        <source>Move %1 of case %2: the intake, and only the intake, is move 0.</source>
        <translation>案件 %2 的第 %1 项变动：第 0 项必须是受理，且只有受理是第 0 项。</translation>
    </message>
    <message>
        <source>The intake of case %1 lacks its subject, items, applicant or day.</source>
        <translation>案件 %1 的受理缺少信用主体、信用信息、申请人或受理日期。</translation>
    </message>
    <message>
        <source>The platform published move %1 of case %2, which this workstation does not hold: its intake is missing.</source>
        <translation>平台发布了案件 %2 的第 %1 项变动，但本工作站没有该案件：缺少其受理。</translation>
    </message>
    <message>
        <source>Move %1 of case %2 is of another kind than the case held here.</source>
        <translation>案件 %2 的第 %1 项变动与本工作站所存案件的类型不同。</translation>
    </message>
    <message>
        <source>The platform published move %1 of case %2, but this workstation holds its moves only up to %3: a move is missing.</source>
        <translation>平台发布了案件 %2 的第 %1 项变动，但本工作站只存有至第 %3 项：中间缺少变动。</translation>
    </message>
    <message>
        <source>Case %1 moved while the platform&apos;s move was being written.</source>
        <translation>写入平台变动时，案件 %1 已被改动。</translation>
    </message>
    <message>
        <source>Case %1 names subject &quot;%2&quot;, which this workstation does not hold.</source>
        <translation>案件 %1 所指的信用主体“%2”不在本工作站。</translation>
    </message>
    <message>
        <source>Case %1 names credit item &quot;%2&quot;, which this workstation does not hold for its subject.</source>
        <translation>案件 %1 所指的信用信息“%2”不在本工作站该主体名下。</translation>
    </message>
</context>
<context>
    <name>CaseRepository</name>
    <message>
        <source>The applicant&apos;s capacity must be self, representative or agent, not &quot;%1&quot;.</source>
        <translation>申请人身份须为 self、representative 或 agent，而不是“%1”。</translation>
    </message>
    <message>
        <source>The applicant&apos;s name is required.</source>
        <translation>必须填写申请人姓名。</translation>
    </message>
    <message>
        <source>Record how the applicant&apos;s identity document was checked.</source>
        <translation>请记录申请人身份证件的核验方式。</translation>
    </message>
    <message>
        <source>The applicant&apos;s ID number: %1</source>
        <translation>申请人身份证件号码：%1</translation>
    </message>
    <message>
        <source>The applicant&apos;s document number is required.</source>
        <translation>必须填写申请人的证件号码。</translation>
    </message>
    <message>
        <source>No credit policy is in force on %1.</source>
        <translation>%1 无生效的信用政策。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not one of the materials this application needs (%2).</source>
        <translation>“%1”不是本申请所需的材料（%2）。</translation>
    </message>
    <message>
        <source>The scan of %1 is empty.</source>
        <translation>%1 的扫描件为空。</translation>
    </message>
    <message>
        <source>A %1 may not take in cases.</source>
        <translation>%1无权受理案件。</translation>
    </message>
    <message>
        <source>Choose the dishonest item(s) the repair is for.</source>
        <translation>请选择申请修复的失信信息。</translation>
    </message>
    <message>
        <source>There is no subject %1.</source>
        <translation>不存在信用主体 %1。</translation>
    </message>
    <message>
        <source>The subject has no credit item %1.</source>
        <translation>该主体没有信用信息 %1。</translation>
    </message>
    <message>
        <source>Item %1 cannot be repaired now: %2</source>
        <translation>信息 %1 目前不能修复：%2</translation>
    </message>
    <message>
        <source>Item %1 is already in the open repair case %2.</source>
        <translation>信息 %1 已在办理中的修复案件 %2 中。</translation>
    </message>
    <message>
        <source>The grounds of an objection are one of %1, not &quot;%2&quot;.</source>
        <translation>异议理由须为 %1 之一，而不是“%2”。</translation>
    </message>
    <message>
        <source>Record the applicant&apos;s statement: what is wrong and why.</source>
        <translation>请记录申请人的陈述：哪里有误、为什么。</translation>
    </message>
    <message>
        <source>Item %1 is already under objection.</source>
        <translation>信息 %1 已处于异议处理中。</translation>
    </message>
    <message>
        <source>Item %1 has been withdrawn: there is nothing to object to.</source>
        <translation>信息 %1 已撤销：没有可提出异议的内容。</translation>
    </message>
    <message>
        <source>Missing at intake: %1</source>
        <translation>受理时缺少：%1</translation>
    </message>
    <message>
        <source>There is no case %1.</source>
        <translation>不存在案件 %1。</translation>
    </message>
    <message>
        <source>%1 is not an action of a %2 case: use one of %3.</source>
        <translation>%1 不是%2案件的操作：请使用 %3 之一。</translation>
    </message>
    <message>
        <source>A %1 may not %2.</source>
        <translation>%1无权%2。</translation>
    </message>
    <message>
        <source>The case&apos;s last event is dated %1: an action cannot be dated before it.</source>
        <translation>该案件最近一次办理日期为 %1：操作日期不能早于该日。</translation>
    </message>
    <message>
        <source>There is no active member of staff named %1.</source>
        <translation>不存在名为 %1 的在职工作人员。</translation>
    </message>
    <message>
        <source>%1 is not a reviewer: cases are assigned to reviewers.</source>
        <translation>%1 不是初审员：案件只能分派给初审员。</translation>
    </message>
    <message>
        <source>%1 took this case in and may not decide it.</source>
        <translation>%1 受理了该案件，不得对其作出决定。</translation>
    </message>
    <message>
        <source>Case %1 was moved by someone else in the meantime: look at it again.</source>
        <translation>案件 %1 在此期间已被他人办理：请重新查看。</translation>
    </message>
    <message>
        <source>The applicant&apos;s name</source>
        <translation>申请人姓名</translation>
    </message>
    <message>
        <source>How the ID was checked</source>
        <translation>身份证件核验方式</translation>
    </message>
    <message>
        <source>The applicant&apos;s ID number</source>
        <translation>申请人证件号码</translation>
    </message>
    <message>
        <source>The statement</source>
        <translation>陈述内容</translation>
    </message>
    <message>
        <source>The note</source>
        <translation>说明</translation>
    </message>
</context>
<context>
    <name>CaseTimer</name>
    <message>
        <source>The case&apos;s events are not in date order (%1 on %2).</source>
        <translation>该案件的办理记录日期顺序有误（%2 的 %1）。</translation>
    </message>
    <message>
        <source>The case&apos;s supplement requests overlap.</source>
        <translation>该案件的补正请求时间重叠。</translation>
    </message>
</context>
<context>
    <name>CaseWorkflow</name>
    <message>
        <source>%1 is not an action of a %2 case.</source>
        <translation>%1 不是%2案件的操作。</translation>
    </message>
    <message>
        <source>A %1 may not %2.</source>
        <translation>%1无权%2。</translation>
    </message>
    <message>
        <source>The case is still open: only a decided or withdrawn case can be reopened.</source>
        <translation>该案件仍在办理中：只有已作出决定或已撤回的案件才能重新打开。</translation>
    </message>
    <message>
        <source>The decision (%1) changed the credit record, so the case cannot be reopened: a new case or the platform must undo it.</source>
        <translation>该决定（%1）已改变信用记录，因此不能重新打开该案件：须通过新案件或由平台撤销。</translation>
    </message>
    <message>
        <source>The state the case was decided in is not known, so it cannot be reopened.</source>
        <translation>无法确定该案件作出决定时所处的环节，因此不能重新打开。</translation>
    </message>
    <message>
        <source>The case is closed (%1): reopen it first.</source>
        <translation>该案件已办结（%1）：请先重新打开。</translation>
    </message>
    <message>
        <source>%1 is not possible while the case is %2.</source>
        <translation>案件处于“%2”时不能%1。</translation>
    </message>
    <message>
        <source>Supplementary materials have already been requested: the clock is paused.</source>
        <translation>已要求补正材料：时限已暂停计算。</translation>
    </message>
    <message>
        <source>No supplementary materials were requested.</source>
        <translation>未要求补正材料。</translation>
    </message>
    <message>
        <source>The case waits for supplementary materials: record them before it moves on.</source>
        <translation>该案件正在等待补正材料：请先登记补正材料再继续办理。</translation>
    </message>
    <message>
        <source>%1 took this case in and may not decide it: another reviewer must.</source>
        <translation>%1 受理了该案件，不得对其作出决定：须由其他初审员决定。</translation>
    </message>
    <message>
        <source>%1 needs a note: the reason or the decision&apos;s text.</source>
        <translation>“%1”须填写说明：理由或决定内容。</translation>
    </message>
    <message>
        <source>received</source>
        <translation>已受理</translation>
    </message>
    <message>
        <source>in municipal review</source>
        <translation>市级初审中</translation>
    </message>
    <message>
        <source>in provincial and national review</source>
        <translation>省级和国家审核中</translation>
    </message>
    <message>
        <source>repair approved</source>
        <translation>修复已通过</translation>
    </message>
    <message>
        <source>repair rejected</source>
        <translation>修复未通过</translation>
    </message>
    <message>
        <source>being verified with the source department</source>
        <translation>正在向来源部门核实</translation>
    </message>
    <message>
        <source>corrected</source>
        <translation>已更正</translation>
    </message>
    <message>
        <source>item withdrawn</source>
        <translation>信息已删除</translation>
    </message>
    <message>
        <source>item maintained</source>
        <translation>信息予以维持</translation>
    </message>
    <message>
        <source>application withdrawn</source>
        <translation>申请已撤回</translation>
    </message>
    <message>
        <source>objection withdrawn</source>
        <translation>异议已撤回</translation>
    </message>
    <message>
        <source>start the municipal review</source>
        <translation>开始市级初审</translation>
    </message>
    <message>
        <source>submit to the provincial and national review</source>
        <translation>报送省级和国家审核</translation>
    </message>
    <message>
        <source>reject at the municipal review</source>
        <translation>市级初审不予通过</translation>
    </message>
    <message>
        <source>record the platform&apos;s approval</source>
        <translation>登记平台的通过决定</translation>
    </message>
    <message>
        <source>record the platform&apos;s rejection</source>
        <translation>登记平台的不予通过决定</translation>
    </message>
    <message>
        <source>start verifying with the source department</source>
        <translation>开始向来源部门核实</translation>
    </message>
    <message>
        <source>correct the item</source>
        <translation>更正该信息</translation>
    </message>
    <message>
        <source>withdraw the item</source>
        <translation>删除该信息</translation>
    </message>
    <message>
        <source>maintain the item</source>
        <translation>维持该信息</translation>
    </message>
    <message>
        <source>record the applicant&apos;s withdrawal</source>
        <translation>登记申请人撤回</translation>
    </message>
    <message>
        <source>request supplementary materials</source>
        <translation>要求补正材料</translation>
    </message>
    <message>
        <source>record the supplementary materials</source>
        <translation>登记补正材料</translation>
    </message>
    <message>
        <source>reassign the case</source>
        <translation>重新分派案件</translation>
    </message>
    <message>
        <source>reopen the case</source>
        <translation>重新打开案件</translation>
    </message>
</context>
<context>
    <name>CasesPage</name>
    <message>
        <source>My cases</source>
        <translation>我的案件</translation>
    </message>
    <message>
        <source>Unassigned</source>
        <translation>未分派</translation>
    </message>
    <message>
        <source>All open cases</source>
        <translation>全部在办案件</translation>
    </message>
    <message>
        <source>Closed cases</source>
        <translation>已办结案件</translation>
    </message>
    <message>
        <source>&amp;Queue:</source>
        <translation>队列(&amp;Q)：</translation>
    </message>
    <message>
        <source>Repairs and objections</source>
        <translation>信用修复和异议</translation>
    </message>
    <message>
        <source>Filter: case number, subject, applicant, staff (Ctrl+K)</source>
        <translation>筛选：案件编号、信用主体、申请人、工作人员（Ctrl+K）</translation>
    </message>
    <message>
        <source>Refresh (F5)</source>
        <translation>刷新（F5）</translation>
    </message>
    <message>
        <source>Choose a case in the queue (Enter opens it).</source>
        <translation>请在队列中选择案件（按 Enter 打开）。</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>办理记录</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>办理人</translation>
    </message>
    <message>
        <source>What</source>
        <translation>事项</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Materials</source>
        <translation>材料</translation>
    </message>
    <message>
        <source>Reason or decision text (required to decide, reject, reopen or reassign)</source>
        <translation>理由或决定内容（作出决定、不予通过、重新打开或重新分派时必填）</translation>
    </message>
    <message>
        <source>N&amp;ote:</source>
        <translation>说明(&amp;O)：</translation>
    </message>
    <message>
        <source>Re&amp;viewer:</source>
        <translation>初审员(&amp;V)：</translation>
    </message>
    <message>
        <source>&amp;Print Acceptance Receipt…</source>
        <translation>打印受理回执(&amp;P)…</translation>
    </message>
    <message>
        <source>There is no case %1.</source>
        <translation>不存在案件 %1。</translation>
    </message>
    <message>
        <source> · waiting for supplementary materials</source>
        <translation> · 等待补正材料</translation>
    </message>
    <message>
        <source>Subject: %1 (%2)</source>
        <translation>信用主体：%1（%2）</translation>
    </message>
    <message>
        <source>Applicant: %1, %2</source>
        <translation>申请人：%1，%2</translation>
    </message>
    <message>
        <source>Credit items: %1</source>
        <translation>涉及信用信息：%1</translation>
    </message>
    <message>
        <source>Grounds: %1. %2</source>
        <translation>异议理由：%1。%2</translation>
    </message>
    <message>
        <source>Received %1 by %2; reviewer: %3</source>
        <translation>%1 由 %2 受理；初审员：%3</translation>
    </message>
    <message>
        <source>not assigned</source>
        <translation>未分派</translation>
    </message>
    <message>
        <source>Clock: %1 (due %2)</source>
        <translation>时限：%1（期限 %2）</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>Decision: %1</source>
        <translation>决定：%1</translation>
    </message>
    <message>
        <source>received</source>
        <translation>受理</translation>
    </message>
    <message>
        <source>✓ %1: %2 (SHA-256 %3…)</source>
        <translation>✓ %1：%2（SHA-256 %3…）</translation>
    </message>
    <message>
        <source>✗ %1: missing</source>
        <translation>✗ %1：缺少</translation>
    </message>
    <message>
        <source>Acceptance receipt %1</source>
        <translation>受理回执 %1</translation>
    </message>
    <message>
        <source>Scan</source>
        <translation>扫描件</translation>
    </message>
    <message>
        <source>Enter or double-click: view the scan</source>
        <translation>按回车或双击：查看扫描件</translation>
    </message>
    <message>
        <source>the intake</source>
        <translation>受理</translation>
    </message>
    <message>
        <source>The platform did not take %1 of this case: %2. The platform&apos;s version stands; this window&apos;s attempt stays in the timeline, marked.</source>
        <translation>平台未采纳本案件的“%1”：%2。以平台版本为准；本窗口的操作保留在时间线中并已标记。</translation>
    </message>
    <message>
        <source>The platform did not take %1 of this case: it moved on at another window and the platform holds it as &quot;%2&quot;. The platform&apos;s version stands; this window&apos;s attempt stays in the timeline, marked.</source>
        <translation>平台未采纳本案件的“%1”：该案件已在其他窗口推进，平台记录的状态为“%2”。以平台版本为准；本窗口的操作保留在时间线中并已标记。</translation>
    </message>
    <message>
        <source>The platform refused %1 of this case: %2</source>
        <translation>平台拒绝了本案件的“%1”：%2</translation>
    </message>
    <message>
        <source>%1 (not taken by the platform: conflict)</source>
        <translation>%1（平台未采纳：冲突）</translation>
    </message>
    <message>
        <source>%1 (refused by the platform)</source>
        <translation>%1（平台已拒绝）</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
</context>
<context>
    <name>CollectionRules</name>
    <message>
        <source>No credit policy is in force on %1, so collection cannot be decided.</source>
        <translation>%1 无生效的信用政策，无法判定是否归集。</translation>
    </message>
    <message>
        <source>Information on a natural person&apos;s %1 must never be collected under %2.</source>
        <translation>依照%2，禁止采集自然人的%1信息。</translation>
    </message>
    <message>
        <source>Information on a natural person&apos;s %1 may be collected because the person&apos;s written consent, given after being told the possible adverse consequences, is recorded, as %2 requires.</source>
        <translation>已记录本人在被告知可能产生的不利后果后出具的书面同意，符合%2的要求，可以采集该自然人的%1信息。</translation>
    </message>
    <message>
        <source>Information on a natural person&apos;s %1 may be collected only with the person&apos;s written consent, after telling them the possible adverse consequences (%2). Record the consent first.</source>
        <translation>采集自然人的%1信息，须明确告知本人可能产生的不利后果并取得其书面同意（%2）。请先记录书面同意。</translation>
    </message>
    <message>
        <source>No collection restriction of %1 applies to this information.</source>
        <translation>该信息不受%1的归集限制。</translation>
    </message>
    <message>
        <source>Dishonest information must rest on a legally effective document under %1; enter the document number.</source>
        <translation>依照%1，失信信息必须以具有法律效力的文书为依据；请填写文书文号。</translation>
    </message>
    <message>
        <source>An administrative penalty imposed on a natural person under the simplified procedure is not collected under %1, unless a law, regulation or rule provides otherwise.</source>
        <translation>依照%1，对自然人适用简易程序作出的行政处罚信息不列入归集范围，但法律、法规、规章另有规定的除外。</translation>
    </message>
    <message>
        <source>An administrative penalty for a natural person&apos;s minor violation is not collected under %1, unless a law, regulation or rule provides otherwise.</source>
        <translation>依照%1，自然人违法行为轻微的行政处罚信息不列入归集范围，但法律、法规、规章另有规定的除外。</translation>
    </message>
    <message>
        <source>An administrative penalty where the natural person actively eliminated or mitigated the harm is not collected under %1, unless a law, regulation or rule provides otherwise.</source>
        <translation>依照%1，自然人主动消除、减轻违法行为危害后果的行政处罚信息不列入归集范围，但法律、法规、规章另有规定的除外。</translation>
    </message>
    <message>
        <source>%1 Here %2 provides otherwise, so it is collected.</source>
        <translation>%1本例中%2另有规定，因此予以归集。</translation>
    </message>
    <message>
        <source>No collection restriction of %1 applies to this item.</source>
        <translation>该条信息不受%1的归集限制。</translation>
    </message>
</context>
<context>
    <name>CreditItemEntryModel</name>
    <message>
        <source>Category</source>
        <translation>信息类别</translation>
    </message>
    <message>
        <source>Item type</source>
        <translation>信息类型</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>失信程度</translation>
    </message>
    <message>
        <source>List</source>
        <translation>名单</translation>
    </message>
    <message>
        <source>Industry or field</source>
        <translation>行业领域</translation>
    </message>
    <message>
        <source>Penalty kind</source>
        <translation>处罚种类</translation>
    </message>
    <message>
        <source>Cause</source>
        <translation>违法事由</translation>
    </message>
    <message>
        <source>Source department</source>
        <translation>来源部门</translation>
    </message>
    <message>
        <source>Legal document number</source>
        <translation>法律文书文号</translation>
    </message>
    <message>
        <source>Decision date</source>
        <translation>决定日期</translation>
    </message>
    <message>
        <source>Disclosure mode</source>
        <translation>公开方式</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Content</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Personal data recorded</source>
        <translation>所记录的个人信息</translation>
    </message>
    <message>
        <source>Written consent recorded</source>
        <translation>已记录书面同意</translation>
    </message>
    <message>
        <source>Consent form reference</source>
        <translation>书面同意书编号</translation>
    </message>
    <message>
        <source>Simplified procedure</source>
        <translation>简易程序</translation>
    </message>
    <message>
        <source>Minor violation</source>
        <translation>违法行为轻微</translation>
    </message>
    <message>
        <source>Harm actively eliminated or mitigated</source>
        <translation>主动消除或减轻危害后果</translation>
    </message>
    <message>
        <source>Legal basis requiring collection</source>
        <translation>要求归集的法律依据</translation>
    </message>
    <message>
        <source>Handed over with</source>
        <translation>移交凭据</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not one of the choices for %2.</source>
        <translation>“%1”不是%2的可选项。</translation>
    </message>
    <message>
        <source>Choose an item type of the category &quot;%1&quot;.</source>
        <translation>请选择属于“%1”类别的信息类型。</translation>
    </message>
    <message>
        <source>Only a listing records a list; this item type records none.</source>
        <translation>只有名单类信息才记录名单；该信息类型不记录名单。</translation>
    </message>
    <message>
        <source>This item type records the list &quot;%1&quot;.</source>
        <translation>该信息类型记录名单“%1”。</translation>
    </message>
    <message>
        <source>An administrative penalty needs its penalty kind.</source>
        <translation>行政处罚必须填写处罚种类。</translation>
    </message>
    <message>
        <source>The decision date cannot be in the future.</source>
        <translation>决定日期不能晚于今天。</translation>
    </message>
    <message>
        <source>Record the reference of the signed consent form.</source>
        <translation>请记录已签署的书面同意书编号。</translation>
    </message>
    <message>
        <source>Choose the subject the item is for before saving it.</source>
        <translation>保存前请先选择该条信息所属的信用主体。</translation>
    </message>
</context>
<context>
    <name>CreditItemRepository</name>
    <message>
        <source>There is no subject %1.</source>
        <translation>不存在信用主体 %1。</translation>
    </message>
    <message>
        <source>The item type &quot;%1&quot; is not known.</source>
        <translation>未知的信息类型“%1”。</translation>
    </message>
    <message>
        <source>The item type &quot;%1&quot; does not belong to the category &quot;%2&quot;.</source>
        <translation>信息类型“%1”不属于“%2”类别。</translation>
    </message>
    <message>
        <source>The decision date is required.</source>
        <translation>必须填写决定日期。</translation>
    </message>
    <message>
        <source>The title of the item is required.</source>
        <translation>必须填写信息标题。</translation>
    </message>
    <message>
        <source>An item from the platform needs its platform id.</source>
        <translation>来自平台的信息必须具有平台编号。</translation>
    </message>
    <message>
        <source>There is no credit item %1.</source>
        <translation>不存在信用信息 %1。</translation>
    </message>
    <message>
        <source>The credit policy in force does not list the personal data &quot;%1&quot;, so it cannot be collected.</source>
        <translation>生效的信用政策未列明个人信息“%1”，因此不能归集。</translation>
    </message>
    <message>
        <source>A batch of items from the platform wrote %1 rows instead of %2.</source>
        <translation>平台的一批信用信息写入了 %1 行，而不是 %2 行。</translation>
    </message>
</context>
<context>
    <name>CreditTypes</name>
    <message>
        <source>Natural person</source>
        <translation>自然人</translation>
    </message>
    <message>
        <source>Legal person</source>
        <translation>法人</translation>
    </message>
    <message>
        <source>Unincorporated organisation</source>
        <translation>非法人组织</translation>
    </message>
    <message>
        <source>Individual business</source>
        <translation>个体工商户</translation>
    </message>
    <message>
        <source>Basic information</source>
        <translation>基本信息</translation>
    </message>
    <message>
        <source>Trustworthy information</source>
        <translation>守信信息</translation>
    </message>
    <message>
        <source>Dishonest information</source>
        <translation>失信信息</translation>
    </message>
    <message>
        <source>General dishonest behaviour</source>
        <translation>一般失信行为</translation>
    </message>
    <message>
        <source>Serious dishonest behaviour</source>
        <translation>严重失信行为</translation>
    </message>
    <message>
        <source>Not listed</source>
        <translation>未列入名单</translation>
    </message>
    <message>
        <source>Joint punishment list</source>
        <translation>失信联合惩戒对象名单</translation>
    </message>
    <message>
        <source>Key attention list</source>
        <translation>重点关注名单</translation>
    </message>
    <message>
        <source>Social credit warning</source>
        <translation>社会信用预警</translation>
    </message>
    <message>
        <source>Credit repair</source>
        <translation>信用修复</translation>
    </message>
    <message>
        <source>Objection</source>
        <translation>异议</translation>
    </message>
    <message>
        <source>Municipal preliminary review</source>
        <translation>市级初审</translation>
    </message>
    <message>
        <source>Provincial and national review</source>
        <translation>省级和国家审核</translation>
    </message>
    <message>
        <source>Credit repair as a whole</source>
        <translation>信用修复（全流程）</translation>
    </message>
    <message>
        <source>Objection handling</source>
        <translation>异议处理</translation>
    </message>
</context>
<context>
    <name>CreditWarning</name>
    <message>
        <source>Between %1 and %2 the subject was put on the key attention lists of %3 industries or fields (%4); under %5, %6 or more within %7 raise a social credit warning, disclosed for %8, until %9.</source>
        <translation>%1 至 %2 期间，该主体被列入 %3 个行业、领域的重点关注名单（%4）；依照%5，%7内被列入 %6 个以上行业、领域重点关注名单的，发出社会信用预警，公示期为%8，至 %9 止。</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Export Open Cases (CSV)…</source>
        <translation>导出在办案件（CSV）(&amp;E)…</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>已超期</translation>
    </message>
    <message>
        <source>Due today</source>
        <translation>今日到期</translation>
    </message>
    <message>
        <source>Workload (open cases)</source>
        <translation>工作量（在办案件）</translation>
    </message>
    <message>
        <source>Member of staff</source>
        <translation>工作人员</translation>
    </message>
    <message>
        <source>Reviewing</source>
        <translation>初审中</translation>
    </message>
    <message>
        <source>Taken in</source>
        <translation>受理</translation>
    </message>
    <message>
        <source>Export Open Cases</source>
        <translation>导出在办案件</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>%1 open cases: %2 overdue, %3 due today, %4 at risk, %5 waiting for supplementary materials, %6 not assigned.</source>
        <translation>在办案件 %1 件：超期 %2 件，今日到期 %3 件，临期 %4 件，等待补正材料 %5 件，未分派 %6 件。</translation>
    </message>
    <message>
        <source>Open cases by stage</source>
        <translation>各环节在办案件</translation>
    </message>
    <message>
        <source>Decisions on time, per week (%)</source>
        <translation>每周按期办结率（%）</translation>
    </message>
    <message>
        <source>on time</source>
        <translation>按期</translation>
    </message>
    <message>
        <source>Median working days per stage</source>
        <translation>各环节用时中位数（工作日）</translation>
    </message>
    <message>
        <source>median</source>
        <translation>中位数</translation>
    </message>
    <message>
        <source>limit</source>
        <translation>时限</translation>
    </message>
    <message>
        <source>Municipal</source>
        <translation>市级初审</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>平台审核</translation>
    </message>
    <message>
        <source>Objection</source>
        <translation>异议</translation>
    </message>
    <message>
        <source>Open cases exported by %1 (%2) at %3 from %4</source>
        <translation>在办案件，由 %1（%2）于 %3 从 %4 导出</translation>
    </message>
</context>
<context>
    <name>Database</name>
    <message>
        <source>The database file %1 cannot be read with this key: it is damaged, truncated, or not an xmcredit database.</source>
        <translation>无法使用此密钥读取数据库文件 %1：该文件已损坏、被截断，或不是 xmcredit 数据库。</translation>
    </message>
    <message>
        <source>The database file %1 is damaged (%2).</source>
        <translation>数据库文件 %1 已损坏（%2）。</translation>
    </message>
    <message>
        <source>The database file %1 does not exist.</source>
        <translation>数据库文件 %1 不存在。</translation>
    </message>
    <message>
        <source>The SQLite library in use is not SQLCipher, so the encrypted database cannot be opened.</source>
        <translation>当前使用的 SQLite 库不是 SQLCipher，无法打开加密数据库。</translation>
    </message>
    <message>
        <source>The database file %1 could not be opened: %2</source>
        <translation>无法打开数据库文件 %1：%2</translation>
    </message>
    <message>
        <source>The database %1 was written by a newer version of xmcredit (schema version %2; this program knows versions up to %3). Install the newer program to open it.</source>
        <translation>数据库 %1 由更高版本的 xmcredit 写入（架构版本 %2；本程序最高支持版本 %3）。请安装新版程序后再打开。</translation>
    </message>
    <message>
        <source>The connection does not use the QSQLCIPHER driver.</source>
        <translation>该连接未使用 QSQLCIPHER 驱动。</translation>
    </message>
    <message>
        <source>The schema version of %1 could not be read: %2</source>
        <translation>无法读取 %1 的架构版本：%2</translation>
    </message>
    <message>
        <source>The database %1 could not be locked for its migrations: %2</source>
        <translation>无法锁定数据库 %1 以执行迁移：%2</translation>
    </message>
    <message>
        <source>Migration %1 cannot be read from the program&apos;s resources.</source>
        <translation>无法从程序资源中读取迁移 %1。</translation>
    </message>
    <message>
        <source>Migration %1 (%2) of the database %3 differs from the one this program ships; the database was made by a different build of xmcredit.</source>
        <translation>数据库 %3 的迁移 %1（%2）与本程序自带的迁移不一致；该数据库由其他构建版本的 xmcredit 创建。</translation>
    </message>
    <message>
        <source>The schema version table could not be created: %1</source>
        <translation>无法创建架构版本表：%1</translation>
    </message>
    <message>
        <source>Migration %1 (%2) could not be applied: %3. The database was left unchanged.</source>
        <translation>无法应用迁移 %1（%2）：%3。数据库未作任何更改。</translation>
    </message>
    <message>
        <source>Migration %1 (%2) could not be recorded: %3. The database was left unchanged.</source>
        <translation>无法记录迁移 %1（%2）：%3。数据库未作任何更改。</translation>
    </message>
    <message>
        <source>The migrations could not be committed: %1. The database was left unchanged.</source>
        <translation>无法提交迁移：%1。数据库未作任何更改。</translation>
    </message>
    <message>
        <source>A database connection named %1 is already open.</source>
        <translation>名为 %1 的数据库连接已打开。</translation>
    </message>
    <message>
        <source>The row seals could not be set up: %1. The database was left unchanged.</source>
        <translation>无法建立行封印：%1。数据库未作更改。</translation>
    </message>
</context>
<context>
    <name>Deadlines</name>
    <message>
        <source>Overdue: the case was due on %1.</source>
        <translation>已超期：该案件应于 %1 办结。</translation>
    </message>
    <message>
        <source>Overdue by 1 working day: the case was due on %1.</source>
        <translation>已超期 1 个工作日：该案件应于 %1 办结。</translation>
    </message>
    <message>
        <source>Overdue by %1 working days: the case was due on %2.</source>
        <translation>已超期 %1 个工作日：该案件应于 %2 办结。</translation>
    </message>
    <message>
        <source>No credit policy is in force on %1, so the time limit of the stage is unknown.</source>
        <translation>%1 无生效的信用政策，无法确定该环节的办理时限。</translation>
    </message>
    <message>
        <source>Completed on %1, after the due date %2 (%3 working days late).</source>
        <translation>已于 %1 办结，晚于办结期限 %2（逾期 %3 个工作日）。</translation>
    </message>
    <message>
        <source>Completed on %1, within the time limit.</source>
        <translation>已于 %1 在办理时限内办结。</translation>
    </message>
    <message>
        <source>Paused since %1 while the applicant supplements materials; %2 of %3 working days are left.</source>
        <translation>自 %1 起因申请人补正材料暂停计时；%3 个工作日中尚余 %2 个工作日。</translation>
    </message>
    <message>
        <source>Due today: all %1 working days have been used.</source>
        <translation>今日到期：%1 个工作日已全部用完。</translation>
    </message>
    <message>
        <source>At risk: one working day is left, and the case is due on %1.</source>
        <translation>临期：仅剩 1 个工作日，该案件应于 %1 办结。</translation>
    </message>
    <message>
        <source>On time: %1 of %2 working days used, due on %3.</source>
        <translation>按期办理：已用 %1 个工作日（共 %2 个），应于 %3 办结。</translation>
    </message>
</context>
<context>
    <name>DemoCity</name>
    <message>
        <source>The number of subjects and of items per subject cannot be negative.</source>
        <translation>信用主体数量和每个主体的信息条数不能为负数。</translation>
    </message>
    <message>
        <source>No credit policy is in force on %1, so the demo city cannot be generated.</source>
        <translation>%1 无生效的信用政策，无法生成演示城市。</translation>
    </message>
    <message>
        <source>The database holds subjects or items already; a demo city is only generated into an empty one.</source>
        <translation>数据库中已有信用主体或信用信息；演示城市只能生成到空数据库中。</translation>
    </message>
    <message>
        <source>The demo city word lists are missing from the program.</source>
        <translation>程序中缺少演示城市词表。</translation>
    </message>
    <message>
        <source>The demo city word lists are damaged: %1</source>
        <translation>演示城市词表已损坏：%1</translation>
    </message>
    <message>
        <source>The demo city word lists name an unknown item type: %1</source>
        <translation>演示城市词表中含有未知的信息类型：%1</translation>
    </message>
    <message>
        <source>The demo city word lists are incomplete.</source>
        <translation>演示城市词表不完整。</translation>
    </message>
    <message>
        <source>The demo city produced an invalid identifier: %1</source>
        <translation>演示城市生成了无效的标识码：%1</translation>
    </message>
</context>
<context>
    <name>Disclosure</name>
    <message>
        <source>The item was withdrawn on %1 after an objection, so it is no longer disclosed; it is kept with its history.</source>
        <translation>该条信息已于 %1 因异议处理被删除，不再公示；该信息及其历史记录仍予保留。</translation>
    </message>
    <message>
        <source>The item was repaired on %1: its disclosure stopped and it is no longer shared; it is kept, marked as repaired.</source>
        <translation>该条信息已于 %1 完成信用修复：已终止公示、停止共享；该信息仍予保留，并标注为已修复。</translation>
    </message>
    <message>
        <source>The item has no decision date, so its disclosure period cannot be worked out.</source>
        <translation>该条信息没有决定日期，无法计算其公示期。</translation>
    </message>
    <message>
        <source>No credit policy in force on %1 covers this item, so its disclosure period cannot be worked out.</source>
        <translation>%1 无适用于该条信息的生效信用政策，无法计算其公示期。</translation>
    </message>
    <message>
        <source>The item was decided on %1, after %2, so it was not disclosed yet on that date.</source>
        <translation>该条信息的决定日期为 %1，晚于 %2，因此在该日尚未公示。</translation>
    </message>
    <message>
        <source>%1 has no disclosure period under %2; an objection to the item is being handled, so reports mark it as under objection.</source>
        <translation>依照%2，%1无公示期限；该条信息的异议正在处理中，报告中将其标注为“异议处理中”。</translation>
    </message>
    <message>
        <source>%1 has no disclosure period under %2; it is disclosed until it is corrected or withdrawn.</source>
        <translation>依照%2，%1无公示期限，在更正或删除前持续公示。</translation>
    </message>
    <message>
        <source>%1 is disclosed for %2 from its decision date under %3; this item&apos;s period ended on %4, so it is no longer shown.</source>
        <translation>依照%3，%1自决定日期起公示%2；该条信息的公示期已于 %4 届满，不再显示。</translation>
    </message>
    <message>
        <source>%1 is disclosed for %2 from its decision date under %3, so this item until %4; an objection to it is being handled, so reports mark it as under objection.</source>
        <translation>依照%3，%1自决定日期起公示%2，该条信息公示至 %4；该条信息的异议正在处理中，报告中将其标注为“异议处理中”。</translation>
    </message>
    <message>
        <source>%1 is disclosed for %2 from its decision date under %3, so this item is disclosed until %4.</source>
        <translation>依照%3，%1自决定日期起公示%2，因此该条信息公示至 %4。</translation>
    </message>
</context>
<context>
    <name>DisclosureMode</name>
    <message>
        <source>Social disclosure</source>
        <translation>社会公开</translation>
    </message>
    <message>
        <source>Authorised query</source>
        <translation>授权查询</translation>
    </message>
    <message>
        <source>Government sharing</source>
        <translation>政务共享</translation>
    </message>
</context>
<context>
    <name>DomainCommands</name>
    <message>
        <source>Print one JSON object instead of text.</source>
        <translation>以单个 JSON 对象代替文本输出。</translation>
    </message>
    <message>
        <source>%1 must be a date written YYYY-MM-DD, not &apos;%2&apos;.</source>
        <translation>%1必须是 YYYY-MM-DD 格式的日期，不能是“%2”。</translation>
    </message>
    <message>
        <source>--%1 must be one of %2, not &apos;%3&apos;.</source>
        <translation>--%1 必须是 %2 之一，不能是“%3”。</translation>
    </message>
    <message>
        <source>--%1 &apos;%2&apos; is not a key of any policy profile; known keys: %3.</source>
        <translation>--%1 “%2”不是任何政策配置中的键；已知的键：%3。</translation>
    </message>
    <message>
        <source>Also load the policy profile in &lt;file&gt; (repeatable).</source>
        <translation>另外加载 &lt;file&gt; 中的政策配置（可重复）。</translation>
    </message>
    <message>
        <source>file</source>
        <translation>file</translation>
    </message>
    <message>
        <source>Validates and normalises a resident ID number or unified social credit code.</source>
        <translation>校验并规范化居民身份证号码或统一社会信用代码。</translation>
    </message>
    <message>
        <source>The identifier to check.</source>
        <translation>要校验的标识码。</translation>
    </message>
    <message>
        <source>resident_id, credit_code or unknown (default: decide from the text).</source>
        <translation>resident_id、credit_code 或 unknown（默认：根据文本自动判断）。</translation>
    </message>
    <message>
        <source>kind</source>
        <translation>kind</translation>
    </message>
    <message>
        <source>The date birth dates are compared with (default: today).</source>
        <translation>与出生日期比较的日期（默认：今天）。</translation>
    </message>
    <message>
        <source>date</source>
        <translation>date</translation>
    </message>
    <message>
        <source>Apply a supervisor&apos;s override for a checksum failure, signed by &lt;account&gt;.</source>
        <translation>对校验位错误适用主管签批例外，由 &lt;account&gt; 签批。</translation>
    </message>
    <message>
        <source>account</source>
        <translation>account</translation>
    </message>
    <message>
        <source>The reason the supervisor gave.</source>
        <translation>主管给出的理由。</translation>
    </message>
    <message>
        <source>text</source>
        <translation>text</translation>
    </message>
    <message>
        <source>When the override was signed (ISO 8601; default: now).</source>
        <translation>签批时间（ISO 8601；默认：当前时间）。</translation>
    </message>
    <message>
        <source>time</source>
        <translation>time</translation>
    </message>
    <message>
        <source>check-id takes exactly one identifier.</source>
        <translation>check-id 只接受一个标识码。</translation>
    </message>
    <message>
        <source>--kind must be resident_id, credit_code or unknown.</source>
        <translation>--kind 必须是 resident_id、credit_code 或 unknown。</translation>
    </message>
    <message>
        <source>The override was not used (%1).</source>
        <translation>未使用该签批例外（%1）。</translation>
    </message>
    <message>
        <source>Working-day arithmetic on the statutory holiday calendar (start day not counted).
  add &lt;date&gt; &lt;n&gt;        the date n working days after &lt;date&gt;
  between &lt;from&gt; &lt;to&gt;   working days after &lt;from&gt; up to and including &lt;to&gt;
  is &lt;date&gt;             whether &lt;date&gt; is a working day</source>
        <translation>按法定节假日日历计算工作日（起始日不计入）。
  add &lt;date&gt; &lt;n&gt;        &lt;date&gt; 之后第 n 个工作日的日期
  between &lt;from&gt; &lt;to&gt;   &lt;from&gt; 之后至 &lt;to&gt;（含）的工作日数
  is &lt;date&gt;             &lt;date&gt; 是否为工作日</translation>
    </message>
    <message>
        <source>add, between or is</source>
        <translation>add、between 或 is</translation>
    </message>
    <message>
        <source>Also load the holiday calendar year in &lt;file&gt; (repeatable).</source>
        <translation>另外加载 &lt;file&gt; 中的某一年度节假日日历（可重复）。</translation>
    </message>
    <message>
        <source>Use: workdays add &lt;date&gt; &lt;n&gt; | between &lt;from&gt; &lt;to&gt; | is &lt;date&gt;</source>
        <translation>用法：workdays add &lt;date&gt; &lt;n&gt; | between &lt;from&gt; &lt;to&gt; | is &lt;date&gt;</translation>
    </message>
    <message>
        <source>The date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>&lt;n&gt; must be a whole number of working days, not &apos;%1&apos;.</source>
        <translation>&lt;n&gt; 必须是整数个工作日，不能是“%1”。</translation>
    </message>
    <message>
        <source>The second date</source>
        <translation>第二个日期</translation>
    </message>
    <message>
        <source>%1 is a working day.</source>
        <translation>%1 是工作日。</translation>
    </message>
    <message>
        <source>%1 is not a working day.</source>
        <translation>%1 不是工作日。</translation>
    </message>
    <message>
        <source>Note: the calendar covers only %1; outside those years the answer is estimated from weekends alone.</source>
        <translation>注意：日历仅涵盖 %1；超出这些年份时，仅按周末估算结果。</translation>
    </message>
    <message>
        <source>Subject kind: %1 (default legal_person; natural_person with --attribute).</source>
        <translation>主体类型：%1（默认为 legal_person；使用 --attribute 时为 natural_person）。</translation>
    </message>
    <message>
        <source>Category: %1 (default dishonest).</source>
        <translation>信息类别：%1（默认为 dishonest）。</translation>
    </message>
    <message>
        <source>category</source>
        <translation>category</translation>
    </message>
    <message>
        <source>Severity: %1 (default general).</source>
        <translation>失信程度：%1（默认为 general）。</translation>
    </message>
    <message>
        <source>severity</source>
        <translation>severity</translation>
    </message>
    <message>
        <source>List: %1 (default none).</source>
        <translation>名单：%1（默认为 none）。</translation>
    </message>
    <message>
        <source>list</source>
        <translation>list</translation>
    </message>
    <message>
        <source>Decision date of the item (required).</source>
        <translation>该条信息的决定日期（必填）。</translation>
    </message>
    <message>
        <source>The date to assess on (default: today).</source>
        <translation>评估所依据的日期（默认：今天）。</translation>
    </message>
    <message>
        <source>Date a repair was granted.</source>
        <translation>准予信用修复的日期。</translation>
    </message>
    <message>
        <source>Date the item was withdrawn.</source>
        <translation>该条信息被删除的日期。</translation>
    </message>
    <message>
        <source>An objection to the item is pending.</source>
        <translation>该条信息有待处理的异议。</translation>
    </message>
    <message>
        <source>Industry or field key (e.g. food).</source>
        <translation>行业领域键（例如 food）。</translation>
    </message>
    <message>
        <source>key</source>
        <translation>key</translation>
    </message>
    <message>
        <source>Penalty kind key (e.g. permit_revocation).</source>
        <translation>处罚种类键（例如 permit_revocation）。</translation>
    </message>
    <message>
        <source>Cause key (e.g. bribery).</source>
        <translation>违法事由键（例如 bribery）。</translation>
    </message>
    <message>
        <source>Number of the legally effective document.</source>
        <translation>具有法律效力的文书的文号。</translation>
    </message>
    <message>
        <source>number</source>
        <translation>number</translation>
    </message>
    <message>
        <source>A law, regulation or rule declares the item non-repairable; &lt;basis&gt; names it.</source>
        <translation>法律、法规或规章规定该条信息不可修复；&lt;basis&gt; 指明具体依据。</translation>
    </message>
    <message>
        <source>basis</source>
        <translation>basis</translation>
    </message>
    <message>
        <source>--decided &lt;date&gt; is required.</source>
        <translation>必须指定 --decided &lt;date&gt;。</translation>
    </message>
    <message>
        <source>The disclosure period and status of a credit item on a date.</source>
        <translation>信用信息在某一日期的公示期和状态。</translation>
    </message>
    <message>
        <source>Whether a credit repair application for an item can be accepted on a date. Exits with 0 when eligible and 11 when not.</source>
        <translation>某一日期能否受理某条信息的信用修复申请。符合条件时退出码为 0，不符合时为 11。</translation>
    </message>
    <message>
        <source>Whether a subject attribute (--attribute) or a credit item (--item) may be collected. Exits with 0 when accepted and 11 when not.</source>
        <translation>能否采集某项主体属性（--attribute）或某条信用信息（--item）。予以采集时退出码为 0，不予采集时为 11。</translation>
    </message>
    <message>
        <source>A personal attribute key (e.g. income, religion).</source>
        <translation>个人属性键（例如 income、religion）。</translation>
    </message>
    <message>
        <source>The person&apos;s written consent is recorded.</source>
        <translation>已记录本人的书面同意。</translation>
    </message>
    <message>
        <source>Assess a credit item described by the item options.</source>
        <translation>评估由信息选项所描述的信用信息。</translation>
    </message>
    <message>
        <source>The penalty was imposed under the simplified procedure.</source>
        <translation>该行政处罚适用简易程序作出。</translation>
    </message>
    <message>
        <source>The violation was minor.</source>
        <translation>违法行为轻微。</translation>
    </message>
    <message>
        <source>The person actively eliminated or mitigated the harm.</source>
        <translation>当事人主动消除或减轻了危害后果。</translation>
    </message>
    <message>
        <source>A law, regulation or rule that requires collection anyway.</source>
        <translation>要求仍须归集的法律、法规或规章。</translation>
    </message>
    <message>
        <source>Give either --attribute &lt;key&gt; or --item.</source>
        <translation>请指定 --attribute &lt;key&gt; 或 --item 二者之一。</translation>
    </message>
    <message>
        <source>Social credit warnings raised by a subject&apos;s key attention listings.</source>
        <translation>因信用主体被列入重点关注名单而发出的社会信用预警。</translation>
    </message>
    <message>
        <source>A key attention listing as DATE:FIELD (repeatable).</source>
        <translation>一次重点关注名单列入记录，格式为 DATE:FIELD（可重复）。</translation>
    </message>
    <message>
        <source>date:field</source>
        <translation>date:field</translation>
    </message>
    <message>
        <source>Report the warning in force on this date (default: today).</source>
        <translation>报告该日期生效的预警（默认：今天）。</translation>
    </message>
    <message>
        <source>--listing must be DATE:FIELD, not &apos;%1&apos;.</source>
        <translation>--listing 必须是 DATE:FIELD 格式，不能是“%1”。</translation>
    </message>
    <message>
        <source>Give the subject&apos;s key attention listings with --listing DATE:FIELD.</source>
        <translation>请使用 --listing DATE:FIELD 给出该主体的重点关注名单列入记录。</translation>
    </message>
    <message>
        <source>The listings raise no social credit warning.</source>
        <translation>这些列入记录不引发社会信用预警。</translation>
    </message>
    <message>
        <source>That is not an identifier: it has %1 characters, an identifier 18.</source>
        <translation>这不是标识码：它有 %1 个字符，标识码为 18 个字符。</translation>
    </message>
</context>
<context>
    <name>EntryFormBinder</name>
    <message>
        <source>Choose…</source>
        <translation>请选择…</translation>
    </message>
    <message>
        <source>Required</source>
        <translation>必填</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
</context>
<context>
    <name>EntryFormFooter</name>
    <message>
        <source>Clear Form</source>
        <translation>清空表单</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>未保存：%1</translation>
    </message>
</context>
<context>
    <name>ErrorLabel</name>
    <message>
        <source>You can try again now.</source>
        <translation>现在可以重试。</translation>
    </message>
    <message>
        <source>Too many failed logins. You can try again in %1.</source>
        <translation>登录失败次数过多，请在 %1 后重试。</translation>
    </message>
</context>
<context>
    <name>FeedApplier</name>
    <message>
        <source>A %1 may not enrol the workstation with the platform.</source>
        <translation>%1无权为本工作站登记信用平台。</translation>
    </message>
    <message>
        <source>The platform&apos;s key must be 32 bytes (64 hexadecimal digits).</source>
        <translation>平台密钥必须为 32 字节（64 位十六进制数字）。</translation>
    </message>
    <message>
        <source>The platform&apos;s id must be 1 to 100 characters.</source>
        <translation>平台标识须为 1 到 100 个字符。</translation>
    </message>
    <message>
        <source>This workstation is enrolled with platform %1 already (since %2).</source>
        <translation>本工作站已登记到平台 %1（自 %2 起）。</translation>
    </message>
    <message>
        <source>The package has no header line: it is empty or not a package.</source>
        <translation>交换包没有首行：文件为空或不是交换包。</translation>
    </message>
    <message>
        <source>The file is not an xmcredit exchange package (version 1).</source>
        <translation>该文件不是 xmcredit 交换包（版本 1）。</translation>
    </message>
    <message>
        <source>The package is truncated or was altered: it holds %1 page line(s) where its header announces %2, or its content does not match the header&apos;s hash. Nothing was applied.</source>
        <translation>交换包被截断或被改动：包内有 %1 页，首行声明为 %2 页，或内容与首行的哈希值不符。未应用任何内容。</translation>
    </message>
    <message>
        <source>A %1 may not import the platform&apos;s records.</source>
        <translation>%1无权导入平台数据。</translation>
    </message>
    <message>
        <source>This session is read-only: %1</source>
        <translation>本次登录为只读：%1</translation>
    </message>
    <message>
        <source>This workstation is not enrolled with a platform: enrol it first (xmcredit-admin enrol).</source>
        <translation>本工作站尚未登记信用平台：请先登记（xmcredit-admin enrol）。</translation>
    </message>
    <message>
        <source>Page %1: %2 Nothing was applied.</source>
        <translation>第 %1 页：%2 未应用任何内容。</translation>
    </message>
    <message>
        <source>Page %1 belongs to stream %2, which this version of the workstation does not apply yet. Nothing was applied.</source>
        <translation>第 %1 页属于数据流 %2，本版本工作站尚不应用该数据流。未应用任何内容。</translation>
    </message>
    <message>
        <source>A page of stream %1 claims cursor &quot;%2&quot;, which a different page already took. Nothing was applied.</source>
        <translation>数据流 %1 的一页声称游标“%2”，但该游标已被另一页使用。未应用任何内容。</translation>
    </message>
    <message>
        <source>A page of stream %1 continues from &quot;%2&quot;, but this workstation stands at &quot;%3&quot;: it is a replay of an older page or a page is missing. Nothing was applied.</source>
        <translation>数据流 %1 的一页接续自“%2”，但本工作站当前位于“%3”：这是旧页的重放，或缺少某一页。未应用任何内容。</translation>
    </message>
    <message>
        <source>the start</source>
        <translation>起点</translation>
    </message>
    <message>
        <source>Change %1 of a %2 page: the field &quot;%3&quot; is too long or not plain text. Nothing was applied.</source>
        <translation>%2 页的第 %1 项变更：字段“%3”过长或不是纯文本。未应用任何内容。</translation>
    </message>
    <message>
        <source>Change %1 of a subjects page is not a platform subject: %2 Nothing was applied.</source>
        <translation>信用主体页的第 %1 项变更不是平台主体：%2 未应用任何内容。</translation>
    </message>
    <message>
        <source>its platform id or version is missing.</source>
        <translation>缺少平台标识或版本号。</translation>
    </message>
    <message>
        <source>Change %1 of a credit_items page is not a platform item: %2 Nothing was applied.</source>
        <translation>信用信息页的第 %1 项变更不是平台信息：%2 未应用任何内容。</translation>
    </message>
    <message>
        <source>Change %1 of a credit_items page names subject &quot;%2&quot;, which this workstation does not hold. Nothing was applied.</source>
        <translation>信用信息页的第 %1 项变更指向信用主体“%2”，但本工作站没有该主体。未应用任何内容。</translation>
    </message>
    <message>
        <source>The package is larger than %1 MiB.</source>
        <translation>交换包超过 %1 MiB。</translation>
    </message>
    <message>
        <source>The package&apos;s header is not signed by the platform this workstation is enrolled with. Nothing was applied.</source>
        <translation>交换包首行未经本工作站登记的平台签名。未应用任何内容。</translation>
    </message>
    <message>
        <source>The file is not an xmcredit exchange package (version 1) of this workstation&apos;s platform.</source>
        <translation>该文件不是本工作站所登记平台的 xmcredit 交换包（版本 1）。</translation>
    </message>
    <message>
        <source>A %1 may not import an exchange package.</source>
        <translation>%1无权导入交换包。</translation>
    </message>
    <message>
        <source>Change %1 of a case_moves page: %2 Nothing was applied.</source>
        <translation>案件变动页的第 %1 项：%2 未应用任何内容。</translation>
    </message>
    <message>
        <source>Change %1 of a calendar page: %2 Nothing was applied.</source>
        <translation>节假日安排页的第 %1 项：%2 未应用任何内容。</translation>
    </message>
    <message>
        <source>Change %1 of a %2 page: %3 Nothing was applied.</source>
        <translation>%2 页的第 %1 项变更：%3 未应用任何内容。</translation>
    </message>
</context>
<context>
    <name>FeedPage</name>
    <message>
        <source>A page is larger than the protocol allows.</source>
        <translation>数据页超过协议允许的大小。</translation>
    </message>
    <message>
        <source>A page is not valid UTF-8.</source>
        <translation>数据页不是有效的 UTF-8 文本。</translation>
    </message>
    <message>
        <source>A signed page line is not of the protocol&apos;s form.</source>
        <translation>签名数据页的格式不符合协议。</translation>
    </message>
    <message>
        <source>A signed page line is not valid JSON: %1</source>
        <translation>签名数据页不是有效的 JSON：%1</translation>
    </message>
    <message>
        <source>A signed page line needs exactly &quot;page&quot; and &quot;signature&quot;.</source>
        <translation>签名数据页须且仅须包含“page”和“signature”。</translation>
    </message>
    <message>
        <source>A page or its signature is not valid base64.</source>
        <translation>数据页或其签名不是有效的 base64。</translation>
    </message>
    <message>
        <source>A page&apos;s signature does not verify under the platform&apos;s key: it was altered or not written by the platform this workstation is enrolled with.</source>
        <translation>数据页的签名无法用平台密钥验证：该页已被改动，或并非本工作站登记的平台所写。</translation>
    </message>
    <message>
        <source>A page nests deeper than %1 levels.</source>
        <translation>数据页嵌套超过 %1 层。</translation>
    </message>
    <message>
        <source>A page is not valid JSON: %1</source>
        <translation>数据页不是有效的 JSON：%1</translation>
    </message>
    <message>
        <source>A page is not of the xmcredit feed format, version 1.</source>
        <translation>数据页不是 xmcredit 数据流格式（版本 1）。</translation>
    </message>
    <message>
        <source>A page comes from platform &quot;%1&quot;, not from &quot;%2&quot; this workstation is enrolled with.</source>
        <translation>数据页来自平台“%1”，而不是本工作站登记的“%2”。</translation>
    </message>
    <message>
        <source>A page belongs to an unknown stream &quot;%1&quot;.</source>
        <translation>数据页属于未知的数据流“%1”。</translation>
    </message>
    <message>
        <source>A page&apos;s cursors are missing or not of the protocol&apos;s form.</source>
        <translation>数据页的游标缺失或格式不符合协议。</translation>
    </message>
    <message>
        <source>A page&apos;s changes are missing or more than %1.</source>
        <translation>数据页缺少变更列表，或变更超过 %1 项。</translation>
    </message>
    <message>
        <source>A change of stream %1 is not an object.</source>
        <translation>数据流 %1 的某项变更不是对象。</translation>
    </message>
</context>
<context>
    <name>HomePage</name>
    <message>
        <source>Welcome, %1</source>
        <translation>欢迎，%1</translation>
    </message>
    <message>
        <source>You are logged in as %1 on the workstation %2.</source>
        <translation>您已以 %1 的身份登录工作站 %2。</translation>
    </message>
    <message>
        <source>What you can do</source>
        <translation>您可以办理的事项</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation>快捷键</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>位置</translation>
    </message>
    <message>
        <source>Find a subject</source>
        <translation>查找信用主体</translation>
    </message>
    <message>
        <source>Print a public credit report</source>
        <translation>打印公共信用报告</translation>
    </message>
    <message>
        <source>Enter a record handed over on paper</source>
        <translation>录入纸质移交的信息</translation>
    </message>
    <message>
        <source>Take in a credit repair application or an objection</source>
        <translation>受理信用修复申请或异议申请</translation>
    </message>
    <message>
        <source>Review cases</source>
        <translation>审核案件</translation>
    </message>
    <message>
        <source>Supervise cases and their time limits</source>
        <translation>督办案件及其办理时限</translation>
    </message>
    <message>
        <source>Sign exceptions</source>
        <translation>签批例外事项</translation>
    </message>
    <message>
        <source>Review the audit trail</source>
        <translation>查阅审计日志</translation>
    </message>
    <message>
        <source>Manage staff accounts</source>
        <translation>管理工作人员账号</translation>
    </message>
    <message>
        <source>Configure synchronisation with the city platform</source>
        <translation>配置与市信用平台的同步</translation>
    </message>
    <message>
        <source>Rotate the database key</source>
        <translation>更换数据库密钥</translation>
    </message>
    <message>
        <source>Search by name, unified social credit code or resident ID number and open the subject&apos;s credit items. Every query records its basis.</source>
        <translation>按名称、统一社会信用代码或居民身份证号码查询，并打开该主体的信用信息。每次查询均记录查询依据。</translation>
    </message>
    <message>
        <source>Verify the applicant&apos;s identity or the subject&apos;s authorisation, then print a numbered report.</source>
        <translation>核验申请人身份或信用主体的授权书，然后打印带编号的报告。</translation>
    </message>
    <message>
        <source>Enter a credit record from a paper document; the collection rules are checked on entry.</source>
        <translation>根据纸质文书录入信用信息；录入时检查归集规则。</translation>
    </message>
    <message>
        <source>Register the application with its scanned materials and start its time limit.</source>
        <translation>登记申请及其扫描材料，并开始计算办理时限。</translation>
    </message>
    <message>
        <source>Do the municipal preliminary review of repair applications and verify objections.</source>
        <translation>对信用修复申请进行市级初审，并核实异议。</translation>
    </message>
    <message>
        <source>See every case with its timer, the overdue and at-risk ones, and reassign work.</source>
        <translation>查看所有案件及其计时情况，包括已超期和临期案件，并重新分派工作。</translation>
    </message>
    <message>
        <source>Sign off exceptions, such as a real identifier that fails its checksum; each is recorded.</source>
        <translation>签批例外事项，例如真实存在但校验码不符的标识码；每次签批均予记录。</translation>
    </message>
    <message>
        <source>See who queried, printed or changed what and why, and verify the audit chain.</source>
        <translation>查看谁因何查询、打印或更改了哪些内容，并校验审计链。</translation>
    </message>
    <message>
        <source>Enrol staff, reset passwords and remove accounts.</source>
        <translation>登记工作人员、重置密码和移除账号。</translation>
    </message>
    <message>
        <source>Set up the platform connection and import exchange packages.</source>
        <translation>设置平台连接并导入交换数据包。</translation>
    </message>
    <message>
        <source>Replace the database key and re-wrap every staff member&apos;s key slot.</source>
        <translation>更换数据库密钥，并为每位工作人员的密钥槽重新封装密钥。</translation>
    </message>
    <message>
        <source>Your previous login on this computer: %1.</source>
        <translation>您上次在本机登录的时间：%1。</translation>
    </message>
    <message>
        <source>This is your first login on this computer.</source>
        <translation>这是您首次在本机登录。</translation>
    </message>
    <message>
        <source>Page: %1</source>
        <translation>页面：%1</translation>
    </message>
    <message>
        <source>Command line: %1</source>
        <translation>命令行：%1</translation>
    </message>
    <message>
        <source>Workstation</source>
        <translation>工作站</translation>
    </message>
    <message>
        <source>Sync with the city platform</source>
        <translation>与市信用平台同步</translation>
    </message>
    <message>
        <source>The window pulls the platform&apos;s signed records in the background; File ▸ Sync Now (F9) pulls them at once. The status bar shows the last sync.</source>
        <translation>窗口在后台获取平台签名的数据；“文件 ▸ 立即同步”（F9）可立即获取。状态栏显示最近一次同步。</translation>
    </message>
</context>
<context>
    <name>Identifiers</name>
    <message>
        <source>The unified social credit code is valid.</source>
        <translation>统一社会信用代码有效。</translation>
    </message>
    <message>
        <source>The resident ID number is valid.</source>
        <translation>居民身份证号码有效。</translation>
    </message>
    <message>
        <source>No identifier was entered.</source>
        <translation>未输入标识码。</translation>
    </message>
    <message>
        <source>Resident ID numbers and unified social credit codes have 18 characters, but this identifier has %1.</source>
        <translation>居民身份证号码和统一社会信用代码均为 18 位，但该标识码为 %1 位。</translation>
    </message>
    <message>
        <source>A unified social credit code has 18 characters, but this one has %1.</source>
        <translation>统一社会信用代码应为 18 位，但该代码为 %1 位。</translation>
    </message>
    <message>
        <source>A resident ID number has 18 characters, but this one has %1.</source>
        <translation>居民身份证号码应为 18 位，但该号码为 %1 位。</translation>
    </message>
    <message>
        <source>Character %1 (&apos;%2&apos;) cannot appear in a unified social credit code: only digits and the capital letters A-Y without I, O, S, V and Z are used.</source>
        <translation>第 %1 位字符（“%2”）不能出现在统一社会信用代码中：只能使用数字和除 I、O、S、V、Z 以外的大写字母 A-Y。</translation>
    </message>
    <message>
        <source>Character %1 (&apos;%2&apos;) cannot appear there in a resident ID number: the first 17 characters are digits and the last is a digit or X.</source>
        <translation>第 %1 位字符（“%2”）不能出现在居民身份证号码的该位置：前 17 位为数字，最后一位为数字或 X。</translation>
    </message>
    <message>
        <source>Characters 3 to 8 of a unified social credit code are the administrative area code and must be digits, but character %1 is &apos;%2&apos;.</source>
        <translation>统一社会信用代码的第 3 至 8 位为行政区划码，必须为数字，但第 %1 位为“%2”。</translation>
    </message>
    <message>
        <source>The area code %1 at the start of the resident ID number does not belong to any province, region or municipality.</source>
        <translation>居民身份证号码开头的地址码 %1 不属于任何省、自治区或直辖市。</translation>
    </message>
    <message>
        <source>Characters 7 to 14 of the resident ID number (%1) are not a valid birth date.</source>
        <translation>居民身份证号码的第 7 至 14 位（%1）不是有效的出生日期。</translation>
    </message>
    <message>
        <source>The birth date %1 in the resident ID number is after today (%2).</source>
        <translation>居民身份证号码中的出生日期 %1 晚于今天（%2）。</translation>
    </message>
    <message>
        <source>The check character of the organisation code inside the unified social credit code (character 17) should be %1 but is %2.</source>
        <translation>统一社会信用代码中组织机构代码的校验码（第 17 位）应为 %1，实际为 %2。</translation>
    </message>
    <message>
        <source>The check character of the unified social credit code (character 18) should be %1 but is %2.</source>
        <translation>统一社会信用代码的校验码（第 18 位）应为 %1，实际为 %2。</translation>
    </message>
    <message>
        <source>The check character of the resident ID number (character 18) should be %1 but is %2.</source>
        <translation>居民身份证号码的校验码（第 18 位）应为 %1，实际为 %2。</translation>
    </message>
    <message>
        <source>%1 It is accepted on the override signed by supervisor %2 on %3: %4</source>
        <translation>%1经主管 %2 于 %3 签批例外，予以接受：%4</translation>
    </message>
    <message>
        <source>This number is valid both as a resident ID number and as a unified social credit code: ask whether it names a person or an organisation.</source>
        <translation>该号码既是有效的居民身份证号码，也是有效的统一社会信用代码：请询问它指的是个人还是组织。</translation>
    </message>
    <message>
        <source>Characters 3 to 8 of a unified social credit code are the administrative area code, but %1 does not begin with the code of a province, region or municipality.</source>
        <translation>统一社会信用代码的第 3 至 8 位为登记管理机关行政区划码，但 %1 的开头不是任何省、自治区或直辖市的代码。</translation>
    </message>
    <message>
        <source>Characters 1 and 2 of a unified social credit code name the registration authority and the kind of body it registered, but &apos;%1&apos; is not one of them (GB 32100, e.g. 91 for an enterprise, 92 for an individual business, 51 for a social organisation).</source>
        <translation>统一社会信用代码的第 1、2 位为登记管理部门代码和机构类别代码，但“%1”不是有效的组合（GB 32100，例如 91 为企业，92 为个体工商户，51 为社会团体）。</translation>
    </message>
</context>
<context>
    <name>ItemStatus</name>
    <message>
        <source>Active</source>
        <translation>有效</translation>
    </message>
    <message>
        <source>Repaired</source>
        <translation>已修复</translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <translation>已删除</translation>
    </message>
    <message>
        <source>Corrected</source>
        <translation>已更正</translation>
    </message>
</context>
<context>
    <name>ItemType</name>
    <message>
        <source>Registration</source>
        <translation>登记信息</translation>
    </message>
    <message>
        <source>Qualification</source>
        <translation>资质资格信息</translation>
    </message>
    <message>
        <source>Administrative licence</source>
        <translation>行政许可</translation>
    </message>
    <message>
        <source>Administrative confirmation</source>
        <translation>行政确认</translation>
    </message>
    <message>
        <source>Administrative inspection</source>
        <translation>行政检查</translation>
    </message>
    <message>
        <source>Administrative levy</source>
        <translation>行政征收</translation>
    </message>
    <message>
        <source>Administrative payment</source>
        <translation>行政给付</translation>
    </message>
    <message>
        <source>Commendation or award</source>
        <translation>表彰奖励</translation>
    </message>
    <message>
        <source>Public-welfare or volunteer service</source>
        <translation>社会公益、志愿服务</translation>
    </message>
    <message>
        <source>Good grade in graded supervision</source>
        <translation>分级分类监管中的优良等级评价</translation>
    </message>
    <message>
        <source>Administrative penalty</source>
        <translation>行政处罚</translation>
    </message>
    <message>
        <source>Administrative enforcement</source>
        <translation>行政强制执行</translation>
    </message>
    <message>
        <source>False materials</source>
        <translation>提供虚假材料</translation>
    </message>
    <message>
        <source>Breach of a credit commitment</source>
        <translation>违反信用承诺</translation>
    </message>
    <message>
        <source>Industry restriction or ban</source>
        <translation>行业限制、禁入</translation>
    </message>
    <message>
        <source>Joint punishment list</source>
        <translation>失信联合惩戒对象名单</translation>
    </message>
    <message>
        <source>Key attention list</source>
        <translation>重点关注名单</translation>
    </message>
    <message>
        <source>Unpaid taxes</source>
        <translation>欠缴税款</translation>
    </message>
    <message>
        <source>Unpaid social insurance</source>
        <translation>欠缴社会保险费</translation>
    </message>
    <message>
        <source>Unpaid administrative fees</source>
        <translation>欠缴行政事业性收费</translation>
    </message>
    <message>
        <source>Unpaid government funds</source>
        <translation>欠缴政府性基金</translation>
    </message>
    <message>
        <source>Unfulfilled obligation from a legal document</source>
        <translation>未履行生效法律文书确定的义务</translation>
    </message>
</context>
<context>
    <name>KeyVault</name>
    <message>
        <source>The key vault %1 does not exist.</source>
        <translation>密钥库 %1 不存在。</translation>
    </message>
    <message>
        <source>The key vault %1 cannot be read: %2</source>
        <translation>无法读取密钥库 %1：%2</translation>
    </message>
    <message>
        <source>The key vault %1 is damaged: it is far too large.</source>
        <translation>密钥库 %1 已损坏：文件过大。</translation>
    </message>
    <message>
        <source>The key vault %1 is truncated: %2</source>
        <translation>密钥库 %1 被截断：%2</translation>
    </message>
    <message>
        <source>The key vault %1 was written by a newer version of xmcredit: %2</source>
        <translation>密钥库 %1 由更高版本的 xmcredit 写入：%2</translation>
    </message>
    <message>
        <source>The key vault %1 is damaged: %2</source>
        <translation>密钥库 %1 已损坏：%2</translation>
    </message>
    <message>
        <source>the file ends inside its header.</source>
        <translation>文件在文件头内即已结束。</translation>
    </message>
    <message>
        <source>it is not an xmcredit key vault.</source>
        <translation>它不是 xmcredit 密钥库。</translation>
    </message>
    <message>
        <source>format version %1 (this program reads version %2).</source>
        <translation>格式版本为 %1（本程序读取的版本为 %2）。</translation>
    </message>
    <message>
        <source>its header is invalid.</source>
        <translation>文件头无效。</translation>
    </message>
    <message>
        <source>%1 of %2 bytes are present.</source>
        <translation>仅有 %1 字节（应为 %2 字节）。</translation>
    </message>
    <message>
        <source>there are unexpected bytes after its end.</source>
        <translation>文件结尾之后存在多余字节。</translation>
    </message>
    <message>
        <source>its checksum does not match its content.</source>
        <translation>校验和与内容不符。</translation>
    </message>
    <message>
        <source>its content is not valid.</source>
        <translation>内容无效。</translation>
    </message>
    <message>
        <source>it names no workstation.</source>
        <translation>未指明所属工作站。</translation>
    </message>
    <message>
        <source>its database salt is invalid.</source>
        <translation>数据库盐值无效。</translation>
    </message>
    <message>
        <source>its key generation is invalid.</source>
        <translation>密钥代次无效。</translation>
    </message>
    <message>
        <source>it has no list of slots.</source>
        <translation>缺少密钥槽列表。</translation>
    </message>
    <message>
        <source>a slot has an invalid or repeated username.</source>
        <translation>某个密钥槽的用户名无效或重复。</translation>
    </message>
    <message>
        <source>the slot of %1 uses an unknown key derivation.</source>
        <translation>%1 的密钥槽使用了未知的密钥派生方法。</translation>
    </message>
    <message>
        <source>the slot of %1 has unacceptable key derivation parameters.</source>
        <translation>%1 的密钥槽的密钥派生参数不可接受。</translation>
    </message>
    <message>
        <source>the slot of %1 is incomplete.</source>
        <translation>%1 的密钥槽不完整。</translation>
    </message>
    <message>
        <source>The key vault %1 cannot be written: %2</source>
        <translation>无法写入密钥库 %1：%2</translation>
    </message>
    <message>
        <source>Invalid key or key derivation parameters.</source>
        <translation>密钥或密钥派生参数无效。</translation>
    </message>
    <message>
        <source>The password key could not be derived (out of memory).</source>
        <translation>无法派生密码密钥（内存不足）。</translation>
    </message>
    <message>
        <source>The database key could not be sealed.</source>
        <translation>无法封装数据库密钥。</translation>
    </message>
    <message>
        <source>format version 1, from a development version of xmcredit without signing keys: create the workstation again.</source>
        <translation>格式版本 1，来自不含签名密钥的 xmcredit 开发版本：请重新创建工作站。</translation>
    </message>
    <message>
        <source>its authority key is invalid.</source>
        <translation>其授权密钥无效。</translation>
    </message>
    <message>
        <source>its audit anchor is invalid.</source>
        <translation>其审计锚点无效。</translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <source>This workstation is locked</source>
        <translation>此工作站已锁定</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
    <message>
        <source>Checking the password…</source>
        <translation>正在验证密码…</translation>
    </message>
    <message>
        <source>Log &amp;Out Instead</source>
        <translation>改为退出登录(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation>解锁(&amp;U)</translation>
    </message>
    <message>
        <source>Only %1 (%2) can unlock it, with their password. Anyone else can log them out instead; work they have not saved is then lost.</source>
        <translation>只有 %1（%2）可以用本人密码解锁。其他人可以改为将其退出登录，但其未保存的工作将会丢失。</translation>
    </message>
    <message>
        <source>Enter your password.</source>
        <translation>请输入密码。</translation>
    </message>
    <message>
        <source>Log Out</source>
        <translation>退出登录</translation>
    </message>
    <message>
        <source>Log out %1? Work they have not saved is lost.</source>
        <translation>确定将 %1 退出登录吗？其未保存的工作将会丢失。</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>Log In</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>Xiamen Public Credit Information Workstation</source>
        <translation>厦门市公共信用信息工作站</translation>
    </message>
    <message>
        <source>Log in with your staff account.</source>
        <translation>请使用您的工作人员账号登录。</translation>
    </message>
    <message>
        <source>&amp;Username:</source>
        <translation>用户名(&amp;U)：</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
    <message>
        <source>Checking the password…</source>
        <translation>正在验证密码…</translation>
    </message>
    <message>
        <source>Log In · Xiamen Public Credit Information Workstation</source>
        <translation>登录 · 厦门市公共信用信息工作站</translation>
    </message>
    <message>
        <source>&amp;Log In</source>
        <translation>登录(&amp;L)</translation>
    </message>
    <message>
        <source>Workstation: %1
Database: %2</source>
        <translation>工作站：%1
数据库：%2</translation>
    </message>
    <message>
        <source>Enter your username.</source>
        <translation>请输入用户名。</translation>
    </message>
    <message>
        <source>Enter your password.</source>
        <translation>请输入密码。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Xiamen Public Credit Information Workstation</source>
        <translation>厦门市公共信用信息工作站</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Lock Workstation</source>
        <translation>锁定工作站(&amp;L)</translation>
    </message>
    <message>
        <source>Hide the window&apos;s contents until you enter your password again</source>
        <translation>隐藏窗口内容，直至您再次输入密码</translation>
    </message>
    <message>
        <source>Log &amp;Out</source>
        <translation>退出登录(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Home</source>
        <translation>首页(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About</source>
        <translation>关于(&amp;A)</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>关于 Qt(&amp;Q)</translation>
    </message>
    <message>
        <source>Home</source>
        <translation>首页</translation>
    </message>
    <message>
        <source>Locked</source>
        <translation>已锁定</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>Logged in as %1</source>
        <translation>已登录：%1</translation>
    </message>
    <message>
        <source>Workstation: %1</source>
        <translation>工作站：%1</translation>
    </message>
    <message>
        <source>Database closed</source>
        <translation>数据库已关闭</translation>
    </message>
    <message>
        <source>Encrypted database open · SQLCipher %1</source>
        <translation>加密数据库已打开 · SQLCipher %1</translation>
    </message>
    <message>
        <source>Lock When &amp;Idle</source>
        <translation>空闲时锁定(&amp;I)</translation>
    </message>
    <message>
        <source>After 1 Minute</source>
        <translation>1 分钟后</translation>
    </message>
    <message>
        <source>After %1 Minutes</source>
        <translation>%1 分钟后</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Xiamen Public Credit Information Workstation&lt;/h3&gt;&lt;p&gt;Version %1&lt;/p&gt;&lt;p&gt;Encrypted database: SQLCipher %2 on SQLite %3&lt;br&gt;Qt %4&lt;/p&gt;&lt;p&gt;Workstation: %5&lt;br&gt;%6&lt;/p&gt;</source>
        <translation>&lt;h3&gt;厦门市公共信用信息工作站&lt;/h3&gt;&lt;p&gt;版本 %1&lt;/p&gt;&lt;p&gt;加密数据库：SQLCipher %2（基于 SQLite %3）&lt;br&gt;Qt %4&lt;/p&gt;&lt;p&gt;工作站：%5&lt;br&gt;%6&lt;/p&gt;</translation>
    </message>
    <message>
        <source>About</source>
        <translation>关于</translation>
    </message>
    <message>
        <source>Read-only: this database failed its integrity check. %1 Run xmcredit-admin check for the full report.</source>
        <translation>只读：此数据库未通过完整性检查。%1 请运行 xmcredit-admin check 查看完整报告。</translation>
    </message>
    <message>
        <source>&amp;Text Size</source>
        <translation>文字大小(&amp;T)</translation>
    </message>
    <message>
        <source>Normal (100%)</source>
        <translation>标准（100%）</translation>
    </message>
    <message>
        <source>%1%</source>
        <translation>%1%</translation>
    </message>
    <message>
        <source>Text size: %1%</source>
        <translation>文字大小：%1%</translation>
    </message>
    <message>
        <source>Larger</source>
        <translation>放大</translation>
    </message>
    <message>
        <source>Ctrl+=</source>
        <translation>Ctrl+=</translation>
    </message>
    <message>
        <source>Ctrl++</source>
        <translation>Ctrl++</translation>
    </message>
    <message>
        <source>Smaller</source>
        <translation>缩小</translation>
    </message>
    <message>
        <source>Ctrl+-</source>
        <translation>Ctrl+-</translation>
    </message>
    <message>
        <source>Normal Size</source>
        <translation>标准大小</translation>
    </message>
    <message>
        <source>Ctrl+0</source>
        <translation>Ctrl+0</translation>
    </message>
    <message>
        <source>Switch the window to the new language now? Every page opens again from the home page: anything typed and not yet saved is lost.

Otherwise the new language is used from the next start.</source>
        <translation>现在就切换界面语言吗？所有页面将从首页重新打开：已输入但尚未保存的内容会丢失。

否则将在下次启动时使用新语言。</translation>
    </message>
</context>
<context>
    <name>ObjectionGrounds</name>
    <message>
        <source>the information is wrong</source>
        <translation>信息有误</translation>
    </message>
    <message>
        <source>the information is incomplete</source>
        <translation>信息有遗漏</translation>
    </message>
    <message>
        <source>it infringes a trade secret</source>
        <translation>侵犯商业秘密</translation>
    </message>
    <message>
        <source>it infringes personal privacy</source>
        <translation>侵犯个人隐私</translation>
    </message>
    <message>
        <source>it infringes other lawful rights</source>
        <translation>侵犯其他合法权益</translation>
    </message>
</context>
<context>
    <name>OptionalDateEdit</name>
    <message>
        <source>(not set)</source>
        <translation>（未设置）</translation>
    </message>
</context>
<context>
    <name>Outbox</name>
    <message>
        <source>record submission %1</source>
        <translation>记录报送 %1</translation>
    </message>
    <message>
        <source>A %1 may not send the window&apos;s work to the platform.</source>
        <translation>%1无权向平台上报本窗口的工作。</translation>
    </message>
    <message>
        <source>The platform answered for an entry that was not sent, or twice: %1</source>
        <translation>平台对未发送的条目作答，或对同一条目作答两次：%1</translation>
    </message>
    <message>
        <source>The platform&apos;s answer &quot;%1&quot; is not one of the protocol&apos;s.</source>
        <translation>平台的答复“%1”不是协议规定的答复。</translation>
    </message>
    <message>
        <source>The platform answered %1 of the %2 entries sent: none is marked, all stay pending.</source>
        <translation>已发送 %2 条，平台只答复了 %1 条：均不标记，全部仍待上报。</translation>
    </message>
</context>
<context>
    <name>PackageImport</name>
    <message>
        <source>&amp;Import Exchange Package…</source>
        <translation>导入交换包(&amp;I)…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+I</source>
        <translation>Ctrl+Shift+I</translation>
    </message>
    <message>
        <source>Apply the platform&apos;s signed records from an offline exchange package</source>
        <translation>从离线交换包应用平台签名的数据</translation>
    </message>
    <message>
        <source>Import Exchange Package</source>
        <translation>导入交换包</translation>
    </message>
    <message>
        <source>Exchange packages (*.pkg *.xmpkg);;All files (*)</source>
        <translation>交换包 (*.pkg *.xmpkg);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Importing the exchange package %1…</source>
        <translation>正在导入交换包 %1…</translation>
    </message>
    <message>
        <source>The package %1 cannot be read: %2</source>
        <translation>无法读取交换包 %1：%2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>Exchange package applied: %1 page(s) new, %2 applied before (%3) in %4 ms.</source>
        <translation>交换包已应用：新应用 %1 页，%2 页此前已应用（%3），用时 %4 毫秒。</translation>
    </message>
    <message>
        <source>nothing new</source>
        <translation>无新内容</translation>
    </message>
    <message>
        <source>The exchange package was not applied: %1</source>
        <translation>交换包未应用：%1</translation>
    </message>
</context>
<context>
    <name>PermissionMatrix</name>
    <message>
        <source>Open subjects and their credit items</source>
        <translation>打开信用主体及其信用信息</translation>
    </message>
    <message>
        <source>Issue and print credit reports and receipts</source>
        <translation>出具和打印信用报告及回执</translation>
    </message>
    <message>
        <source>Enter records handed over on paper</source>
        <translation>录入纸质移交的信息</translation>
    </message>
    <message>
        <source>Take in repair applications and objections</source>
        <translation>受理信用修复申请和异议</translation>
    </message>
    <message>
        <source>Review and decide cases</source>
        <translation>审核并决定案件</translation>
    </message>
    <message>
        <source>Supervise cases: reassign, reopen, the dashboard</source>
        <translation>督办案件：改派、重新办理、时限看板</translation>
    </message>
    <message>
        <source>Sign exceptions</source>
        <translation>签署例外</translation>
    </message>
    <message>
        <source>Read and verify the audit trail</source>
        <translation>查阅并校验审计日志</translation>
    </message>
    <message>
        <source>Manage staff</source>
        <translation>管理工作人员</translation>
    </message>
    <message>
        <source>Enrol with the platform, import exchange packages</source>
        <translation>登记到平台、导入交换包</translation>
    </message>
    <message>
        <source>Rotate the database key</source>
        <translation>更换数据库密钥</translation>
    </message>
    <message>
        <source>Pull the platform&apos;s signed records</source>
        <translation>获取平台签名的数据</translation>
    </message>
    <message>
        <source>Permissions</source>
        <translation>权限</translation>
    </message>
    <message>
        <source>Repair cases</source>
        <translation>信用修复案件</translation>
    </message>
    <message>
        <source>Objections</source>
        <translation>异议案件</translation>
    </message>
    <message>
        <source>Take in</source>
        <translation>受理</translation>
    </message>
    <message>
        <source>Never on a case the same person took in.</source>
        <translation>不得办理本人受理的案件。</translation>
    </message>
    <message>
        <source>Needs a reason or the decision&apos;s text.</source>
        <translation>须填写理由或决定内容。</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>信用报告</translation>
    </message>
    <message>
        <source>Issue a public credit report</source>
        <translation>出具公共信用报告</translation>
    </message>
    <message>
        <source>Only with a basis: the subject in person, a written authorisation, or an agency&apos;s letter.</source>
        <translation>须有依据：主体本人、书面授权或机关公函。</translation>
    </message>
    <message>
        <source>Issue a special credit report (专项)</source>
        <translation>出具专项信用报告</translation>
    </message>
    <message>
        <source>Reprint a report (marked 补打件)</source>
        <translation>补打报告（标注“补打件”）</translation>
    </message>
    <message>
        <source>Verify a report by its number and code</source>
        <translation>凭编号和核验码核验报告</translation>
    </message>
    <message>
        <source>Exports</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Export the open cases (CSV, audited)</source>
        <translation>导出在办案件（CSV，记入审计）</translation>
    </message>
    <message>
        <source>Export the audit view (CSV, audited)</source>
        <translation>导出审计视图（CSV，记入审计）</translation>
    </message>
    <message>
        <source>Commands (xmcredit-admin)</source>
        <translation>命令（xmcredit-admin）</translation>
    </message>
    <message>
        <source>Anyone may change their own password (staff passwd).</source>
        <translation>任何人均可修改本人密码（staff passwd）。</translation>
    </message>
    <message>
        <source>Allowed: the %1 role may do this by itself.</source>
        <translation>允许：%1角色本身即可执行此操作。</translation>
    </message>
    <message>
        <source>Refused: it needs the permission “%1”, which the %2 role does not have.</source>
        <translation>拒绝：需要“%1”权限，而%2角色不具备。</translation>
    </message>
    <message>
        <source>” or “</source>
        <translation>”或“</translation>
    </message>
    <message>
        <source>Allowed: the %1 role has the permission “%2”.</source>
        <translation>允许：%1角色具有“%2”权限。</translation>
    </message>
    <message>
        <source>Area</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
</context>
<context>
    <name>PermissionsPage</name>
    <message>
        <source>Who may do what at this workstation. The program enforces this table in its model layer, whatever a screen offers; it cannot be edited here. ✓* means allowed under a further rule (see the cell&apos;s tooltip).</source>
        <translation>本工作站的权限表：谁可以做什么。无论界面上显示什么，程序都在模型层执行此表；此处不能编辑。✓* 表示在附加规则下允许（见单元格提示）。</translation>
    </message>
</context>
<context>
    <name>PlatformStaff</name>
    <message>
        <source>A directory entry needs a username (lower-case letters, digits, ._-) and its version.</source>
        <translation>名录条目须有用户名（小写字母、数字及 ._-）和版本号。</translation>
    </message>
    <message>
        <source>The directory entry&apos;s platform id does not name %1.</source>
        <translation>名录条目的平台标识与 %1 不符。</translation>
    </message>
    <message>
        <source>The directory entry of %1 has an unknown role.</source>
        <translation>%1 的名录条目角色未知。</translation>
    </message>
    <message>
        <source>The directory entry of %1 does not say whether it is active.</source>
        <translation>%1 的名录条目未注明是否在岗。</translation>
    </message>
    <message>
        <source>The name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>The unit</source>
        <translation>所在单位</translation>
    </message>
    <message>
        <source>The directory entry of %1: %2</source>
        <translation>%1 的名录条目：%2</translation>
    </message>
    <message>
        <source>The directory entry of %1 has no name.</source>
        <translation>%1 的名录条目没有姓名。</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>%1, left</source>
        <translation>%1，已离岗</translation>
    </message>
</context>
<context>
    <name>PlatformWritePermit</name>
    <message>
        <source>A platform write permit needs the actor and the purpose.</source>
        <translation>平台写入许可必须注明操作人和用途。</translation>
    </message>
    <message>
        <source>The platform write permit is not active.</source>
        <translation>平台写入许可未生效。</translation>
    </message>
    <message>
        <source>Records from the platform can only be written under an active platform write permit of the same connection.</source>
        <translation>只有在同一连接的平台写入许可有效时，才能写入来自平台的信息。</translation>
    </message>
</context>
<context>
    <name>PolicyProfile</name>
    <message>
        <source>The section &apos;%1&apos; is missing or is not an object.</source>
        <translation>配置节“%1”缺失或不是对象。</translation>
    </message>
    <message>
        <source>The list &apos;%1&apos; is missing or is not a list.</source>
        <translation>列表“%1”缺失或不是列表。</translation>
    </message>
    <message>
        <source>&apos;%1&apos; in section &apos;%2&apos; must be a period such as &quot;P1Y&quot; or &quot;P3M&quot;.</source>
        <translation>配置节“%2”中的“%1”必须是期间，例如 &quot;P1Y&quot; 或 &quot;P3M&quot;。</translation>
    </message>
    <message>
        <source>&apos;%1&apos; in section &apos;%2&apos; must be a positive whole number.</source>
        <translation>配置节“%2”中的“%1”必须是正整数。</translation>
    </message>
    <message>
        <source>An entry of &apos;%1&apos; has the key &apos;%2&apos;; keys are lower-case letters, digits and underscores.</source>
        <translation>“%1”中有一个条目的键为“%2”；键只能由小写字母、数字和下划线组成。</translation>
    </message>
    <message>
        <source>The entry &apos;%1&apos; of &apos;%2&apos; needs both a Chinese and an English label.</source>
        <translation>“%2”中的条目“%1”必须同时具有中文和英文标签。</translation>
    </message>
    <message>
        <source>The key &apos;%1&apos; appears twice in &apos;%2&apos;.</source>
        <translation>键“%1”在“%2”中出现了两次。</translation>
    </message>
    <message>
        <source>The list &apos;%1&apos; is empty.</source>
        <translation>列表“%1”为空。</translation>
    </message>
    <message>
        <source>&apos;%1&apos; in &apos;%2.%3&apos; is not one of the keys listed in &apos;%4&apos;.</source>
        <translation>“%2.%3”中的“%1”不是“%4”中所列的键。</translation>
    </message>
    <message>
        <source>The list &apos;%1.%2&apos; is empty.</source>
        <translation>列表“%1.%2”为空。</translation>
    </message>
    <message>
        <source>The material &apos;%1&apos; of &apos;%2&apos; must say when it is needed: &quot;always&quot; or &quot;agent&quot;.</source>
        <translation>“%2”的材料“%1”必须注明何时需要：&quot;always&quot; 或 &quot;agent&quot;。</translation>
    </message>
    <message>
        <source>1 year</source>
        <translation>1 年</translation>
    </message>
    <message>
        <source>%1 years</source>
        <translation>%1 年</translation>
    </message>
    <message>
        <source>1 month</source>
        <translation>1 个月</translation>
    </message>
    <message>
        <source>%1 months</source>
        <translation>%1 个月</translation>
    </message>
    <message>
        <source>The policy profile is not a JSON object: %1</source>
        <translation>政策配置不是 JSON 对象：%1</translation>
    </message>
    <message>
        <source>The policy profile has format %1; this program reads format %2.</source>
        <translation>政策配置的格式为 %1；本程序读取格式 %2。</translation>
    </message>
    <message>
        <source>The policy profile needs an id of lower-case letters, digits, &apos;.&apos;, &apos;-&apos; and &apos;_&apos;.</source>
        <translation>政策配置必须具有由小写字母、数字、“.”、“-”和“_”组成的 id。</translation>
    </message>
    <message>
        <source>Policy profile &apos;%1&apos;: %2</source>
        <translation>政策配置“%1”：%2</translation>
    </message>
    <message>
        <source>&apos;effectiveFrom&apos; must be a date (YYYY-MM-DD).</source>
        <translation>“effectiveFrom”必须是日期（YYYY-MM-DD）。</translation>
    </message>
    <message>
        <source>&apos;appliesTo&apos; must be &quot;all_items&quot; or &quot;new_decisions&quot;.</source>
        <translation>“appliesTo”必须是 &quot;all_items&quot; 或 &quot;new_decisions&quot;。</translation>
    </message>
    <message>
        <source>&apos;citation&apos; needs both a Chinese and an English text.</source>
        <translation>“citation”必须同时具有中文和英文文本。</translation>
    </message>
    <message>
        <source>The total time limit of a repair cannot be shorter than one of its stages.</source>
        <translation>信用修复的总办理时限不能短于其中任一环节的时限。</translation>
    </message>
    <message>
        <source>&apos;%1&apos; cannot be both prohibited and collectable with consent.</source>
        <translation>“%1”不能既属于禁止采集的信息，又属于经书面同意可采集的信息。</translation>
    </message>
</context>
<context>
    <name>PolicyProfiles</name>
    <message>
        <source>The platform&apos;s policy profile %1 cannot be used: %2</source>
        <translation>平台下发的政策配置 %1 无法使用：%2</translation>
    </message>
    <message>
        <source>A policy change needs its profile id and version.</source>
        <translation>政策变更须有配置标识和版本号。</translation>
    </message>
    <message>
        <source>The policy change&apos;s platform id does not name profile %1.</source>
        <translation>政策变更的平台标识与配置 %1 不符。</translation>
    </message>
    <message>
        <source>The policy profile %1 does not validate: %2</source>
        <translation>政策配置 %1 未通过校验：%2</translation>
    </message>
    <message>
        <source>The policy change for %1 defines profile %2.</source>
        <translation>%1 的政策变更定义的却是配置 %2。</translation>
    </message>
</context>
<context>
    <name>PolicyRegistry</name>
    <message>
        <source>No policy profile is built into the program.</source>
        <translation>程序中未内置任何政策配置。</translation>
    </message>
    <message>
        <source>Policy profile &apos;%1&apos; takes effect on %2, the same day as profile &apos;%3&apos;; one of them must be withdrawn first.</source>
        <translation>政策配置“%1”于 %2 生效，与政策配置“%3”的生效日期相同；必须先撤销其中之一。</translation>
    </message>
    <message>
        <source>Cannot read the policy profile %1: %2</source>
        <translation>无法读取政策配置 %1：%2</translation>
    </message>
    <message>
        <source>The policy folder %1 does not exist.</source>
        <translation>政策文件夹 %1 不存在。</translation>
    </message>
</context>
<context>
    <name>PreparedStatement</name>
    <message>
        <source>The database is not an open SQLCipher connection.</source>
        <translation>数据库不是已打开的 SQLCipher 连接。</translation>
    </message>
    <message>
        <source>Not a statement that writes: %1</source>
        <translation>不是写入数据的语句：%1</translation>
    </message>
    <message>
        <source>Unable to bind %1: %2</source>
        <translation>无法绑定 %1：%2</translation>
    </message>
    <message>
        <source>No statement is prepared.</source>
        <translation>没有已准备的语句。</translation>
    </message>
    <message>
        <source>Parameter count mismatch: the statement takes %1, %2 bound.</source>
        <translation>参数个数不符：语句需要 %1 个，已绑定 %2 个。</translation>
    </message>
</context>
<context>
    <name>QueryBasisDialog</name>
    <message>
        <source>Self-query (identity verified)</source>
        <translation>本人查询（身份已核验）</translation>
    </message>
    <message>
        <source>Query authorised by the subject</source>
        <translation>授权查询（经信用主体授权）</translation>
    </message>
    <message>
        <source>Government agency query</source>
        <translation>政务查询</translation>
    </message>
    <message>
        <source>Entering records handed over on paper</source>
        <translation>录入纸质移交的信息</translation>
    </message>
    <message>
        <source>Handling a repair or objection case</source>
        <translation>办理信用修复或异议案件</translation>
    </message>
    <message>
        <source>Self-query; identity document %1, %2.</source>
        <translation>本人查询，身份已核验；身份证件：%1，核验方式：%2。</translation>
    </message>
    <message>
        <source>Query by %1, authorised by the subject (authorisation %2).</source>
        <translation>%1 经信用主体授权查询（授权书编号：%2）。</translation>
    </message>
    <message>
        <source>Query by %1 for purpose %2.</source>
        <translation>%1 政务查询，查询目的：%2。</translation>
    </message>
    <message>
        <source>Query by %1 for purpose %2 (set by %3).</source>
        <translation>%1 政务查询，查询目的：%2（依据：%3）。</translation>
    </message>
    <message>
        <source>Entering records handed over with %1.</source>
        <translation>录入纸质移交的信息，移交凭据：%1。</translation>
    </message>
    <message>
        <source>Handling case %1.</source>
        <translation>办理案件 %1。</translation>
    </message>
    <message>
        <source>Basis of the Query</source>
        <translation>查询依据</translation>
    </message>
    <message>
        <source>Why is %1 being looked up? The basis is recorded in the audit trail and printed on reports.</source>
        <translation>为何查询 %1？查询依据将记入审计日志，并打印在报告上。</translation>
    </message>
    <message>
        <source>&amp;Basis:</source>
        <translation>查询依据(&amp;B)：</translation>
    </message>
    <message>
        <source>Identity &amp;document:</source>
        <translation>身份证件(&amp;D)：</translation>
    </message>
    <message>
        <source>&amp;Verified by:</source>
        <translation>核验方式(&amp;V)：</translation>
    </message>
    <message>
        <source>&amp;Applicant:</source>
        <translation>申请人(&amp;A)：</translation>
    </message>
    <message>
        <source>Number or date of the signed authorisation</source>
        <translation>已签署授权书的编号或日期</translation>
    </message>
    <message>
        <source>A&amp;uthorisation:</source>
        <translation>授权书编号(&amp;U)：</translation>
    </message>
    <message>
        <source>A&amp;gency:</source>
        <translation>查询机关(&amp;G)：</translation>
    </message>
    <message>
        <source>&amp;Purpose:</source>
        <translation>查询目的(&amp;P)：</translation>
    </message>
    <message>
        <source>For purpose (6): the rule that sets the case</source>
        <translation>第（六）项适用：规定该情形的国家、省、市规定</translation>
    </message>
    <message>
        <source>&amp;Rule:</source>
        <translation>规定依据(&amp;R)：</translation>
    </message>
    <message>
        <source>e.g. the transfer letter&apos;s number</source>
        <translation>例如移交函文号</translation>
    </message>
    <message>
        <source>Handed over &amp;with:</source>
        <translation>移交凭据(&amp;W)：</translation>
    </message>
    <message>
        <source>&amp;Case number:</source>
        <translation>案件编号(&amp;C)：</translation>
    </message>
    <message>
        <source>&amp;Open Subject</source>
        <translation>打开信用主体(&amp;O)</translation>
    </message>
    <message>
        <source>Choose the basis of the query.</source>
        <translation>请选择查询依据。</translation>
    </message>
    <message>
        <source>Enter who is applying on the subject&apos;s behalf.</source>
        <translation>请填写代信用主体提出查询的申请人。</translation>
    </message>
    <message>
        <source>Enter the reference of the subject&apos;s signed authorisation.</source>
        <translation>请填写信用主体已签署的授权书编号。</translation>
    </message>
    <message>
        <source>Enter the agency that asks.</source>
        <translation>请填写提出查询的机关。</translation>
    </message>
    <message>
        <source>For another case, enter the rule of the state, the province or the city that sets it.</source>
        <translation>属于其他情形的，请填写规定该情形的国家、省、市规定。</translation>
    </message>
    <message>
        <source>Enter the document the records were handed over with.</source>
        <translation>请填写信息移交所附的凭据（移交凭据）。</translation>
    </message>
    <message>
        <source>Enter the case number.</source>
        <translation>请填写案件编号。</translation>
    </message>
    <message>
        <source>The applicant</source>
        <translation>申请人</translation>
    </message>
    <message>
        <source>The authorisation&apos;s reference</source>
        <translation>授权书编号</translation>
    </message>
    <message>
        <source>The agency</source>
        <translation>查询机关</translation>
    </message>
    <message>
        <source>The rule</source>
        <translation>依据的规定</translation>
    </message>
    <message>
        <source>The document</source>
        <translation>文书</translation>
    </message>
    <message>
        <source>The case number</source>
        <translation>案件编号</translation>
    </message>
</context>
<context>
    <name>RecordEntryForm</name>
    <message>
        <source>Item</source>
        <translation>信用信息</translation>
    </message>
    <message>
        <source>&amp;Category:</source>
        <translation>信息类别(&amp;C)：</translation>
    </message>
    <message>
        <source>Item &amp;type:</source>
        <translation>信息类型(&amp;T)：</translation>
    </message>
    <message>
        <source>&amp;List:</source>
        <translation>名单(&amp;L)：</translation>
    </message>
    <message>
        <source>Ca&amp;use:</source>
        <translation>违法事由(&amp;U)：</translation>
    </message>
    <message>
        <source>Legal document &amp;number:</source>
        <translation>法律文书文号(&amp;N)：</translation>
    </message>
    <message>
        <source>Disclosure &amp;mode:</source>
        <translation>公开方式(&amp;M)：</translation>
    </message>
    <message>
        <source>C&amp;ontent:</source>
        <translation>内容(&amp;O)：</translation>
    </message>
    <message>
        <source>Collection rules</source>
        <translation>归集规则</translation>
    </message>
    <message>
        <source>Personal data of a natural person the item would record, and the circumstances of a penalty that decide whether it may be collected.</source>
        <translation>该条信息将记录的自然人个人信息，以及决定处罚信息能否归集的相关情形。</translation>
    </message>
    <message>
        <source>Personal dat&amp;a recorded:</source>
        <translation>所记录的个人信息(&amp;A)：</translation>
    </message>
    <message>
        <source>Consent form &amp;reference:</source>
        <translation>书面同意书编号(&amp;R)：</translation>
    </message>
    <message>
        <source>Legal &amp;basis requiring collection:</source>
        <translation>要求归集的法律依据(&amp;B)：</translation>
    </message>
    <message>
        <source>Paper</source>
        <translation>纸质材料</translation>
    </message>
    <message>
        <source>Handed over &amp;with:</source>
        <translation>移交凭据(&amp;W)：</translation>
    </message>
    <message>
        <source>Back to Subject</source>
        <translation>返回信用主体</translation>
    </message>
    <message>
        <source>Save Entry</source>
        <translation>保存录入</translation>
    </message>
    <message>
        <source>Open the subject the paper is about first: find it, then choose &quot;Enter a Record for This Subject&quot;.</source>
        <translation>请先打开纸质材料所涉及的信用主体：查找该主体后，选择“为该主体录入信息”。</translation>
    </message>
    <message>
        <source>New item for %1 (%2, %3)</source>
        <translation>为 %1（%2，%3）新增信息</translation>
    </message>
    <message>
        <source>Open the subject the item is for first.</source>
        <translation>请先打开该条信息所属的信用主体。</translation>
    </message>
    <message>
        <source>Saved as local entry %1 (%2): it awaits the platform and becomes a credit item when the platform accepts it.</source>
        <translation>已保存为本地录入 %1（%2）：待平台确认，平台接收后成为信用信息。</translation>
    </message>
    <message>
        <source>Severit&amp;y:</source>
        <translation>失信程度(&amp;Y)：</translation>
    </message>
    <message>
        <source>&amp;Industry or field:</source>
        <translation>行业领域(&amp;I)：</translation>
    </message>
    <message>
        <source>Penalty &amp;kind:</source>
        <translation>处罚种类(&amp;K)：</translation>
    </message>
    <message>
        <source>Source de&amp;partment:</source>
        <translation>来源部门(&amp;P)：</translation>
    </message>
    <message>
        <source>Decision &amp;date:</source>
        <translation>决定日期(&amp;D)：</translation>
    </message>
    <message>
        <source>Titl&amp;e:</source>
        <translation>标题(&amp;E)：</translation>
    </message>
    <message>
        <source>Written con&amp;sent recorded</source>
        <translation>已记录书面同意(&amp;S)</translation>
    </message>
    <message>
        <source>The person consented in writing after being told the adverse consequences.</source>
        <translation>本人在被告知不利后果后已书面同意。</translation>
    </message>
    <message>
        <source>Penalty under the simplified procedure</source>
        <translation>适用简易程序作出的处罚</translation>
    </message>
    <message>
        <source>Minor violation</source>
        <translation>违法行为轻微</translation>
    </message>
    <message>
        <source>Harm actively eliminated or miti&amp;gated</source>
        <translation>主动消除或减轻危害后果(&amp;G)</translation>
    </message>
</context>
<context>
    <name>RecordEntryModel</name>
    <message>
        <source>%1 is required.</source>
        <translation>必须填写%1。</translation>
    </message>
</context>
<context>
    <name>RecordJson</name>
    <message>
        <source>The identifier override is incomplete: it needs the identifier, the supervisor, the reason and the signing time.</source>
        <translation>标识码签批例外信息不完整：须包含标识码、签批主管、理由和签批时间。</translation>
    </message>
    <message>
        <source>The value of &quot;%1&quot; is not known: %2</source>
        <translation>“%1”的值未知：%2</translation>
    </message>
    <message>
        <source>The value of &quot;%1&quot; is not a date (yyyy-MM-dd): %2</source>
        <translation>“%1”的值不是日期（yyyy-MM-dd）：%2</translation>
    </message>
    <message>
        <source>The key &quot;%1&quot; is missing.</source>
        <translation>缺少键“%1”。</translation>
    </message>
</context>
<context>
    <name>RecordSubmissionRepository</name>
    <message>
        <source>There is no record submission %1.</source>
        <translation>不存在信息报送 %1。</translation>
    </message>
    <message>
        <source>A record submission cannot go from &quot;%1&quot; to &quot;%2&quot;.</source>
        <translation>信息报送不能从“%1”状态变为“%2”状态。</translation>
    </message>
    <message>
        <source>Your role does not allow entering records.</source>
        <translation>您的角色无权录入信息。</translation>
    </message>
    <message>
        <source>The basis of the entry (the document it was taken from) is required.</source>
        <translation>必须填写录入依据（信息所出自的文书）。</translation>
    </message>
</context>
<context>
    <name>RecordsCommands</name>
    <message>
        <source>Fills a demo workstation with a generated city: subjects with valid identifiers of Xiamen&apos;s districts, Chinese names, and credit items of every category, type and state. The same seed gives the same city. Only for demo workstations (made by demo-init) whose records are still empty. Standard input: the password of --user, an administrator.</source>
        <translation>为演示工作站填充一座生成的城市：包括带有厦门各区有效标识码和中文名称的信用主体，以及涵盖各类别、类型和状态的信用信息。相同的种子生成相同的城市。仅适用于由 demo-init 创建且尚无任何信息的演示工作站。标准输入：--user 所指定管理员的密码。</translation>
    </message>
    <message>
        <source>Number of subjects (default 20000).</source>
        <translation>信用主体数量（默认 20000）。</translation>
    </message>
    <message>
        <source>N</source>
        <translation>N</translation>
    </message>
    <message>
        <source>Seed of the generator (default 1).</source>
        <translation>生成器的种子（默认 1）。</translation>
    </message>
    <message>
        <source>S</source>
        <translation>S</translation>
    </message>
    <message>
        <source>Average number of credit items per subject (default 5).</source>
        <translation>每个信用主体的平均信用信息条数（默认 5）。</translation>
    </message>
    <message>
        <source>AVG</source>
        <translation>AVG</translation>
    </message>
    <message>
        <source>The date the city is generated for (default: today), yyyy-MM-dd.</source>
        <translation>生成城市所依据的日期（默认：今天），格式为 yyyy-MM-dd。</translation>
    </message>
    <message>
        <source>DATE</source>
        <translation>DATE</translation>
    </message>
    <message>
        <source>--subjects takes a number from 0 to 20000000: %1</source>
        <translation>--subjects 须为 0 至 20000000 之间的数字：%1</translation>
    </message>
    <message>
        <source>--seed takes a non-negative number: %1</source>
        <translation>--seed 须为非负数：%1</translation>
    </message>
    <message>
        <source>--items-per-subject takes a number from 0 to 100: %1</source>
        <translation>--items-per-subject 须为 0 至 100 之间的数字：%1</translation>
    </message>
    <message>
        <source>--today takes a date as yyyy-MM-dd: %1</source>
        <translation>--today 须为 yyyy-MM-dd 格式的日期：%1</translation>
    </message>
    <message>
        <source>The workstation in %1 is not a demo workstation: a generated city never goes into a workstation that may hold real records.</source>
        <translation>%1 中的工作站不是演示工作站：生成的城市绝不能写入可能存有真实信息的工作站。</translation>
    </message>
    <message>
        <source>Only an administrator may load records into a workstation.</source>
        <translation>只有管理员可以向工作站载入信息。</translation>
    </message>
    <message>
        <source>Generated %1 subjects and %2 items…</source>
        <translation>已生成 %1 个信用主体和 %2 条信息…</translation>
    </message>
    <message>
        <source>The workstation holds records already: a demo city is only generated into an empty one.</source>
        <translation>工作站中已有信息：演示城市只能生成到空工作站中。</translation>
    </message>
    <message>
        <source>Generated a demo city of %1 subjects and %2 credit items (seed %3) in %4 s.</source>
        <translation>已生成演示城市：%1 个信用主体、%2 条信用信息（种子 %3），用时 %4 秒。</translation>
    </message>
    <message>
        <source>%1 organisations have a social credit warning; %2 penalties can never be repaired.</source>
        <translation>%1 个组织被发出社会信用预警；%2 条行政处罚信息不可修复。</translation>
    </message>
</context>
<context>
    <name>RegistrationStatus</name>
    <message>
        <source>In business</source>
        <translation>存续</translation>
    </message>
    <message>
        <source>Deregistered</source>
        <translation>已注销</translation>
    </message>
    <message>
        <source>Business licence revoked</source>
        <translation>已吊销营业执照</translation>
    </message>
    <message>
        <source>Moved out of the city</source>
        <translation>已迁出本市</translation>
    </message>
</context>
<context>
    <name>RepairEligibility</name>
    <message>
        <source>Only dishonest information can be repaired; this item is %1.</source>
        <translation>只有失信信息可以申请信用修复；该条信息属于%1。</translation>
    </message>
    <message>
        <source>The item was withdrawn on %1, so there is nothing to repair.</source>
        <translation>该条信息已于 %1 删除，无需修复。</translation>
    </message>
    <message>
        <source>The item was already repaired on %1.</source>
        <translation>该条信息已于 %1 完成修复。</translation>
    </message>
    <message>
        <source>The item&apos;s disclosure period ended on %1, so it is no longer shown and needs no repair.</source>
        <translation>该条信息的公示期已于 %1 届满，已不再显示，无需修复。</translation>
    </message>
    <message>
        <source>The item can never be repaired: it is recorded as declared non-repairable by a law, regulation or rule, which %1 respects. The basis was not recorded.</source>
        <translation>该条信息不可修复：已记录为法律、法规、规章规定不可修复的信息，%1对此予以认可。但未记录具体依据。</translation>
    </message>
    <message>
        <source>The item can never be repaired: %1 declares it non-repairable, and %2 excludes such items from credit repair.</source>
        <translation>该条信息不可修复：%1规定其不可修复，且%2将此类信息排除在信用修复范围之外。</translation>
    </message>
    <message>
        <source>The item can never be repaired: under %1, a penalty of %2 in the field of %3 is not repairable.</source>
        <translation>该条信息不可修复：依照%1，在%3领域被处以%2的行政处罚信息不可修复。</translation>
    </message>
    <message>
        <source>The item can never be repaired: under %1, a penalty of %2 imposed for %3 is not repairable.</source>
        <translation>该条信息不可修复：依照%1，因%3被处以%2的行政处罚信息不可修复。</translation>
    </message>
    <message>
        <source>%1 can be repaired once it has been disclosed for %2 under %3: an application for this item is accepted from %4.</source>
        <translation>依照%3，%1公示期满%2后可申请修复：该条信息自 %4 起可受理修复申请。</translation>
    </message>
    <message>
        <source>The item has been disclosed for at least %1, the minimum for %2 under %3, so a repair application can be accepted once the subject has corrected the behaviour and removed its adverse effects.</source>
        <translation>该条信息已公示满%1，达到%3对%2规定的最短公示期限；社会信用主体依法纠正失信行为、消除不利影响后，可受理其修复申请。</translation>
    </message>
</context>
<context>
    <name>ReportBuilder</name>
    <message>
        <source>Public Credit Information Report</source>
        <translation>公共信用信息报告</translation>
    </message>
    <message>
        <source>Special Credit Report</source>
        <translation>专项信用报告</translation>
    </message>
    <message>
        <source>Xiamen Public Credit Information Centre</source>
        <translation>厦门市公共信用信息中心</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>概要</translation>
    </message>
    <message>
        <source>Information</source>
        <translation>信息类别</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>条数</translation>
    </message>
    <message>
        <source>of which: %1</source>
        <translation>其中：%1</translation>
    </message>
    <message>
        <source>Under objection</source>
        <translation>异议处理中</translation>
    </message>
    <message>
        <source>1. Basic information</source>
        <translation>一、基本信息</translation>
    </message>
    <message>
        <source>No basic information in its disclosure period.</source>
        <translation>无处于公示期内的基本信息。</translation>
    </message>
    <message>
        <source>2. Trustworthy information</source>
        <translation>二、守信信息</translation>
    </message>
    <message>
        <source>No trustworthy information in its disclosure period.</source>
        <translation>无处于公示期内的守信信息。</translation>
    </message>
    <message>
        <source>3. Dishonest information</source>
        <translation>三、失信信息</translation>
    </message>
    <message>
        <source>This report lists the basic, trustworthy and dishonest information of the subject that is in its disclosure period on %1, as the %2 allows. Repaired, withdrawn and expired information is not listed.</source>
        <translation>本报告按%2方式列示该信用主体截至 %1 处于公示期内的基本信息、守信信息和失信信息；已修复、已删除和公示期满的信息不予列示。</translation>
    </message>
    <message>
        <source>From %1 to %2; fields: %3</source>
        <translation>%1 至 %2；领域：%3</translation>
    </message>
    <message>
        <source>, </source>
        <comment>list separator</comment>
        <translation>、</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>领域</translation>
    </message>
    <message>
        <source>Dishonest records</source>
        <translation>失信记录</translation>
    </message>
    <message>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <source>No dishonest record of the subject in the field of %1 between %2 and %3.</source>
        <translation>经查询，%2 至 %3 期间，该信用主体在%1领域无失信记录。</translation>
    </message>
    <message numerus="yes">
        <source>%n dishonest record(s) of the subject in the field of %1 between %2 and %3, listed below.</source>
        <translation>
            <numerusform>经查询，%2 至 %3 期间，该信用主体在%1领域有失信记录 %n 条，列示如下。</numerusform>
        </translation>
    </message>
    <message>
        <source>None.</source>
        <translation>无。</translation>
    </message>
    <message>
        <source>This special credit report states, for each field listed, whether the subject has dishonest information decided in the period that is in its disclosure period on %1, as the %2 allows. Repaired, withdrawn and expired information is not listed. It may be used where a certificate of no violations of law is asked for, as the rules of Fujian Province allow.</source>
        <translation>本专项信用报告按%2方式，逐一说明该信用主体在所列领域、于所列期间作出且截至 %1 仍处于公示期内的失信信息情况；已修复、已删除和公示期满的信息不予列示。依照福建省有关规定，本报告可替代无违法违规证明使用。</translation>
    </message>
    <message>
        <source>Items marked &quot;under objection&quot; are being checked after an objection of the subject; the outcome of the objection prevails.</source>
        <translation>标注“异议处理中”的信息正在异议核查中，以异议处理结果为准。</translation>
    </message>
    <message>
        <source>Issued under %1 from the public credit information collected by the Xiamen public credit information platform; the departments that provided the information answer for it.</source>
        <translation>本报告依据%1出具，信息来源于厦门市公共信用信息平台归集的公共信用信息，信息的准确性由提供单位负责。</translation>
    </message>
    <message>
        <source>This report is for the stated purpose only and may not be passed to anyone else without the subject&apos;s consent.</source>
        <translation>本报告仅限所列用途使用，未经信用主体同意不得向他人提供。</translation>
    </message>
    <message>
        <source>Check that this report is genuine with its number and verification code at the Xiamen Public Credit Information Centre, or by scanning its QR code.</source>
        <translation>可凭报告编号和验证码在厦门市公共信用信息中心核验本报告真伪，或扫描报告二维码核验。</translation>
    </message>
    <message>
        <source>Disclosed</source>
        <translation>公示中</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Decided</source>
        <translation>决定日期</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>信息类型</translation>
    </message>
    <message>
        <source>Severity or list</source>
        <translation>程度或名单</translation>
    </message>
    <message>
        <source>Matter</source>
        <translation>事项</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>文书号</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>提供单位</translation>
    </message>
    <message>
        <source>Disclosed until</source>
        <translation>公示截止</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>No limit</source>
        <translation>无期限</translation>
    </message>
    <message>
        <source>No dishonest information in its disclosure period.</source>
        <translation>无处于公示期内的失信信息。</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>主体类型</translation>
    </message>
    <message>
        <source>Resident ID number</source>
        <translation>公民身份号码</translation>
    </message>
    <message>
        <source>Unified social credit code</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>住址</translation>
    </message>
    <message>
        <source>Legal representative</source>
        <translation>法定代表人</translation>
    </message>
    <message>
        <source>Established</source>
        <translation>成立日期</translation>
    </message>
    <message>
        <source>Registration status</source>
        <translation>登记状态</translation>
    </message>
    <message>
        <source>Industry</source>
        <translation>所属行业</translation>
    </message>
    <message>
        <source>Registered address</source>
        <translation>住所</translation>
    </message>
    <message>
        <source>District</source>
        <translation>所在区</translation>
    </message>
</context>
<context>
    <name>ReportCommands</name>
    <message>
        <source>The subject: its identifier or its number.</source>
        <translation>信用主体：其标识码或编号。</translation>
    </message>
    <message>
        <source>The basis: self (the subject or its legal representative), authorised (the subject&apos;s written authorisation) or agency (a government agency).</source>
        <translation>查询依据：self（主体本人或其法定代表人）、authorised（主体书面授权）或 agency（政府部门）。</translation>
    </message>
    <message>
        <source>public (the default) or special.</source>
        <translation>public（默认，公共信用信息报告）或 special（专项信用报告）。</translation>
    </message>
    <message>
        <source>The applicant&apos;s name.</source>
        <translation>申请人姓名。</translation>
    </message>
    <message>
        <source>self basis: self (the default) or representative.</source>
        <translation>本人查询：self（本人，默认）或 representative（法定代表人）。</translation>
    </message>
    <message>
        <source>The applicant&apos;s identity document (default resident_id_card).</source>
        <translation>申请人的身份证件（默认 resident_id_card）。</translation>
    </message>
    <message>
        <source>The number of the applicant&apos;s identity document.</source>
        <translation>申请人身份证件号码。</translation>
    </message>
    <message>
        <source>How the document was checked: card_reader (the default), in_person_comparison or online_verification.</source>
        <translation>证件核验方式：card_reader（读卡器，默认）、in_person_comparison（人证比对）或 online_verification（联网核查）。</translation>
    </message>
    <message>
        <source>authorised basis: the scanned authorisation.</source>
        <translation>授权查询：授权书扫描件。</translation>
    </message>
    <message>
        <source>authorised basis: the authorisation&apos;s date or number.</source>
        <translation>授权查询：授权书的日期或编号。</translation>
    </message>
    <message>
        <source>authorised basis: first day it is valid.</source>
        <translation>授权查询：授权有效期起始日。</translation>
    </message>
    <message>
        <source>authorised basis: last day it is valid.</source>
        <translation>授权查询：授权有效期截止日。</translation>
    </message>
    <message>
        <source>agency basis: the agency.</source>
        <translation>政府部门查询：查询部门。</translation>
    </message>
    <message>
        <source>agency basis: the number of its letter or request.</source>
        <translation>政府部门查询：来函或申请的文号。</translation>
    </message>
    <message>
        <source>agency basis: one of the six purposes (its key).</source>
        <translation>政府部门查询：六类用途之一（其键名）。</translation>
    </message>
    <message>
        <source>agency basis, purpose other: the rule that sets it.</source>
        <translation>政府部门查询、用途为其他时：设定该用途的规定。</translation>
    </message>
    <message>
        <source>special: first day of the period.</source>
        <translation>专项报告：期间起始日。</translation>
    </message>
    <message>
        <source>special: last day of the period.</source>
        <translation>专项报告：期间截止日。</translation>
    </message>
    <message>
        <source>special: a field (policy key), repeatable.</source>
        <translation>专项报告：领域（政策中的键名），可重复。</translation>
    </message>
    <message>
        <source>The PDF file to write.</source>
        <translation>要写入的 PDF 文件。</translation>
    </message>
    <message>
        <source>verify: the text read from the report&apos;s QR code.</source>
        <translation>核验：从报告二维码读出的文本。</translation>
    </message>
    <message>
        <source>Demo workstations only: the day the report is issued for.</source>
        <translation>仅限演示工作站：报告出具所依据的日期。</translation>
    </message>
    <message>
        <source>--%1 takes a date as yyyy-MM-dd, not &quot;%2&quot;.</source>
        <translation>--%1 需要 yyyy-MM-dd 格式的日期，而不是“%2”。</translation>
    </message>
    <message>
        <source>--basis takes self, authorised or agency, not &quot;%1&quot;: no basis, no report.</source>
        <translation>--basis 取 self、authorised 或 agency，而不是“%1”：无查询依据，不出具报告。</translation>
    </message>
    <message>
        <source>--kind takes public or special, not &quot;%1&quot;.</source>
        <translation>--kind 取 public 或 special，而不是“%1”。</translation>
    </message>
    <message>
        <source>Name the PDF file with --pdf.</source>
        <translation>请用 --pdf 指定 PDF 文件。</translation>
    </message>
    <message>
        <source>The scan %1 cannot be read: %2</source>
        <translation>无法读取扫描件 %1：%2</translation>
    </message>
    <message>
        <source>Report %1, verification code %2, %3 page(s): %4</source>
        <translation>报告 %1，验证码 %2，共 %3 页：%4</translation>
    </message>
    <message>
        <source>A %1 may not print credit reports.</source>
        <translation>%1无权打印信用报告。</translation>
    </message>
    <message>
        <source>Report %1, copy %2 (a reprint), %3 page(s): %4</source>
        <translation>报告 %1，第 %2 份（补打），共 %3 页：%4</translation>
    </message>
    <message>
        <source>report verify takes NUMBER CODE, or --qr TEXT.</source>
        <translation>report verify 需要“报告编号 验证码”，或 --qr 文本。</translation>
    </message>
    <message>
        <source>Public and special credit reports, through the same rules as the window.
  report issue --subject ID --basis self|authorised|agency --pdf FILE [--kind public|special]
        self:       --applicant-name NAME --id-number NUMBER [--capacity self|representative]
                    [--id-type TYPE] [--id-checked HOW]
        authorised: --applicant-name NAME --id-number NUMBER --authorisation FILE
                    --authorisation-ref TEXT --valid-from DATE --valid-until DATE
        agency:     --agency NAME --agency-document TEXT --purpose KEY [--purpose-rule TEXT]
        special:    --from DATE --to DATE --field KEY [--field KEY …]
  report reprint NUMBER --pdf FILE      (the next copy, marked as a reprint)
  report verify NUMBER CODE | --qr TEXT  (is a presented report genuine? what did it say?)
Every sub-command also takes --user NAME --password-stdin [--json]. issue prints
{&quot;number&quot;, &quot;code&quot;, &quot;pages&quot;, &quot;sha256&quot;}. A refused basis exits 11 with what is missing, a role 7,
bad input 3, an unknown subject or report (or a wrong code) 10, a damaged report 13, too many wrong
codes 12.</source>
        <translation>公共信用信息报告和专项信用报告，规则与窗口程序相同。
  report issue --subject ID --basis self|authorised|agency --pdf FILE [--kind public|special]
        self:       --applicant-name NAME --id-number NUMBER [--capacity self|representative]
                    [--id-type TYPE] [--id-checked HOW]
        authorised: --applicant-name NAME --id-number NUMBER --authorisation FILE
                    --authorisation-ref TEXT --valid-from DATE --valid-until DATE
        agency:     --agency NAME --agency-document TEXT --purpose KEY [--purpose-rule TEXT]
        special:    --from DATE --to DATE --field KEY [--field KEY …]
  report reprint NUMBER --pdf FILE      （下一份，标注为补打件）
  report verify NUMBER CODE | --qr TEXT  （核验所出示报告的真伪及其内容）
每个子命令还接受 --user NAME --password-stdin [--json]。issue 输出
{&quot;number&quot;, &quot;code&quot;, &quot;pages&quot;, &quot;sha256&quot;}。查询依据不足退出码 11（并说明所缺内容），角色无权 7，
输入有误 3，主体或报告不存在（或验证码错误）10，报告受损 13，验证码错误过多 12。</translation>
    </message>
    <message>
        <source>issue, reprint or verify</source>
        <translation>issue、reprint 或 verify</translation>
    </message>
    <message>
        <source>NUMBER [CODE]</source>
        <translation>报告编号 [验证码]</translation>
    </message>
    <message>
        <source>report issue takes no argument.</source>
        <translation>report issue 不接受位置参数。</translation>
    </message>
    <message>
        <source>report reprint takes the report&apos;s number.</source>
        <translation>report reprint 需要报告编号。</translation>
    </message>
    <message>
        <source>Unknown report command &apos;%1&apos;: use issue, reprint or verify.</source>
        <translation>未知的报告命令“%1”：请使用 issue、reprint 或 verify。</translation>
    </message>
    <message>
        <source>Finds subjects as the window&apos;s search box does (an identifier exactly; a name whole, by its start or by a fragment), and audits the search.
  search TEXT [--limit N] --user NAME --password-stdin [--json]</source>
        <translation>与窗口程序的查询框相同地查找信用主体（标识码精确匹配；名称按全称、前缀或片段匹配），并记入审计日志。
  search TEXT [--limit N] --user NAME --password-stdin [--json]</translation>
    </message>
    <message>
        <source>An identifier or (part of) a name.</source>
        <translation>标识码或名称（的一部分）。</translation>
    </message>
    <message>
        <source>At most this many results (default 20, at most 500).</source>
        <translation>最多返回的结果数（默认 20，最多 500）。</translation>
    </message>
    <message>
        <source>search takes one text.</source>
        <translation>search 需要一个查询文本。</translation>
    </message>
    <message>
        <source>--limit takes a number from 1 to 500, not &quot;%1&quot;.</source>
        <translation>--limit 取 1 到 500 之间的数，而不是“%1”。</translation>
    </message>
    <message>
        <source>Search for an identifier or a name of 1 to 100 characters.</source>
        <translation>请输入 1 到 100 个字符的标识码或名称。</translation>
    </message>
    <message>
        <source>A %1 may not search for subjects.</source>
        <translation>%1无权查询信用主体。</translation>
    </message>
    <message>
        <source>%1 result(s)</source>
        <translation>共 %1 条结果</translation>
    </message>
    <message>
        <source>The PDF %1 cannot be written there.</source>
        <translation>无法在该位置写入 PDF 文件 %1。</translation>
    </message>
    <message>
        <source>Copy %1 of report %2 was recorded, but its PDF could not be written: %3</source>
        <translation>报告 %2 的第 %1 份已登记，但无法写入其 PDF 文件：%3</translation>
    </message>
</context>
<context>
    <name>ReportContent</name>
    <message>
        <source>The stored report is not in a format this program reads.</source>
        <translation>所存报告的格式本程序无法读取。</translation>
    </message>
    <message>
        <source>Issued by</source>
        <translation>出具机构</translation>
    </message>
    <message>
        <source>Report number</source>
        <translation>报告编号</translation>
    </message>
    <message>
        <source>Verification code</source>
        <translation>验证码</translation>
    </message>
    <message>
        <source>Generated</source>
        <translation>生成时间</translation>
    </message>
    <message>
        <source>Disclosure mode</source>
        <translation>公开方式</translation>
    </message>
    <message>
        <source>Basis</source>
        <translation>查询依据</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>查询用途</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>经办人</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>信用主体</translation>
    </message>
    <message>
        <source>Scope</source>
        <translation>报告范围</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>预警</translation>
    </message>
</context>
<context>
    <name>ReportPreviewDialog</name>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>Report %1, verification code %2. Give the applicant the printed report; the number and code let anyone check it.</source>
        <translation>报告 %1，验证码 %2。请将打印好的报告交给申请人；凭报告编号和验证码任何人都可核验真伪。</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>打印(&amp;P)…</translation>
    </message>
    <message>
        <source>Save as P&amp;DF…</source>
        <translation>另存为 PDF(&amp;D)…</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>放大(&amp;I)</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>缩小(&amp;O)</translation>
    </message>
    <message>
        <source>Pre&amp;vious Page</source>
        <translation>上一页(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Next Page</source>
        <translation>下一页(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>关闭(&amp;C)</translation>
    </message>
    <message>
        <source>Not printed yet.</source>
        <translation>尚未打印。</translation>
    </message>
    <message numerus="yes">
        <source>%n copy(ies) made so far.</source>
        <translation>
            <numerusform>已制作 %n 份。</numerusform>
        </translation>
    </message>
    <message>
        <source>Print Report %1</source>
        <translation>打印报告 %1</translation>
    </message>
    <message>
        <source>Copy %1 was recorded but could not be printed: %2</source>
        <translation>第 %1 份已登记，但未能打印：%2</translation>
    </message>
    <message>
        <source>Printed.</source>
        <translation>已打印。</translation>
    </message>
    <message>
        <source>Printed copy %1 (a reprint).</source>
        <translation>已打印第 %1 份（补打件）。</translation>
    </message>
    <message>
        <source>Save Report as PDF</source>
        <translation>将报告另存为 PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Writing %1…</source>
        <translation>正在写入 %1…</translation>
    </message>
    <message>
        <source>Saved %1.</source>
        <translation>已保存 %1。</translation>
    </message>
    <message>
        <source>Saved copy %1 (a reprint) as %2.</source>
        <translation>已将第 %1 份（补打件）保存为 %2。</translation>
    </message>
    <message>
        <source>Print one copy at a time: each further copy is recorded and marked as a reprint.</source>
        <translation>请每次只打印一份：之后的每一份都会登记并标注为补打件。</translation>
    </message>
    <message>
        <source>Copy %1 was recorded, but its PDF could not be written: %2</source>
        <translation>第 %1 份已登记，但无法写入其 PDF 文件：%2</translation>
    </message>
</context>
<context>
    <name>ReportRenderer</name>
    <message>
        <source>Reprint: copy %1</source>
        <translation>补打件：第 %1 份</translation>
    </message>
    <message>
        <source>REPRINT (copy %1, printed %2 by %3)</source>
        <translation>补打件（第 %1 份，%3 于 %2 打印）</translation>
    </message>
    <message>
        <source>Report number</source>
        <translation>报告编号</translation>
    </message>
    <message>
        <source>Verification code</source>
        <translation>验证码</translation>
    </message>
    <message>
        <source>Generated</source>
        <translation>生成时间</translation>
    </message>
    <message>
        <source>Information as of</source>
        <translation>信息截至</translation>
    </message>
    <message>
        <source>Disclosure mode</source>
        <translation>公开方式</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>经办人</translation>
    </message>
    <message>
        <source>Basis</source>
        <translation>查询依据</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>查询用途</translation>
    </message>
    <message>
        <source>Scope</source>
        <translation>报告范围</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>信用主体</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>The QR code of the report could not be made.</source>
        <translation>无法生成报告的二维码。</translation>
    </message>
    <message>
        <source>The report cannot be printed on this device.</source>
        <translation>无法在此设备上打印报告。</translation>
    </message>
    <message>
        <source>%1  %2  %3</source>
        <translation>%1  %2  %3</translation>
    </message>
    <message>
        <source>A new page could not be started.</source>
        <translation>无法开始新的一页。</translation>
    </message>
    <message>
        <source>Report number: %1</source>
        <translation>报告编号：%1</translation>
    </message>
    <message>
        <source>Verification code: %1</source>
        <translation>验证码：%1</translation>
    </message>
    <message>
        <source>Page %1 of %2</source>
        <translation>第 %1 页 共 %2 页</translation>
    </message>
    <message>
        <source>The PDF %1 cannot be written.</source>
        <translation>无法写入 PDF 文件 %1。</translation>
    </message>
</context>
<context>
    <name>ReportRepository</name>
    <message>
        <source>A %1 may not issue credit reports.</source>
        <translation>%1无权出具信用报告。</translation>
    </message>
    <message>
        <source>This session is read-only: %1</source>
        <translation>本次登录为只读：%1</translation>
    </message>
    <message>
        <source>There is no subject %1.</source>
        <translation>没有信用主体 %1。</translation>
    </message>
    <message>
        <source>No credit policy is in force on %1.</source>
        <translation>%1 没有生效的信用政策。</translation>
    </message>
    <message>
        <source>No report: %1</source>
        <translation>不能出具报告：%1</translation>
    </message>
    <message>
        <source>Your signing key is not available in this session: log in again.</source>
        <translation>本次登录中没有您的签名密钥：请重新登录。</translation>
    </message>
    <message>
        <source>There is no report %1.</source>
        <translation>没有报告 %1。</translation>
    </message>
    <message>
        <source>A %1 may not print credit reports.</source>
        <translation>%1无权打印信用报告。</translation>
    </message>
    <message>
        <source>A report is printed on a printer or saved as a PDF.</source>
        <translation>报告只能打印到打印机或保存为 PDF。</translation>
    </message>
    <message>
        <source>The stored content of report %1 no longer matches its hash.</source>
        <translation>报告 %1 的存储内容与其哈希值不再相符。</translation>
    </message>
    <message>
        <source>The issuer of report %1 (%2) is not on the staff list.</source>
        <translation>报告 %1 的出具人（%2）不在工作人员名单中。</translation>
    </message>
    <message>
        <source>The issuer&apos;s signature of report %1 does not hold.</source>
        <translation>报告 %1 的出具人签名验证不通过。</translation>
    </message>
    <message>
        <source>The verification could not be recorded: %1</source>
        <translation>无法记录本次核验：%1</translation>
    </message>
    <message>
        <source>A %1 may not verify reports.</source>
        <translation>%1无权核验报告。</translation>
    </message>
    <message>
        <source>Too many wrong report numbers or codes in the last %1 minutes: try again later.</source>
        <translation>最近 %1 分钟内输错报告编号或验证码的次数过多：请稍后再试。</translation>
    </message>
    <message>
        <source>No report was issued with the number %1.</source>
        <translation>没有编号为 %1 的报告。</translation>
    </message>
    <message>
        <source>The verification code does not match report %1: the report is not genuine, or the code was mistyped.</source>
        <translation>验证码与报告 %1 不符：该报告不是真实报告，或验证码输入有误。</translation>
    </message>
    <message>
        <source>Report %1 is genuine: issued on %2 by %3.</source>
        <translation>报告 %1 为真实报告：由%3于 %2 出具。</translation>
    </message>
    <message>
        <source>This is not the QR code of a Xiamen public credit report.</source>
        <translation>这不是厦门市公共信用报告的二维码。</translation>
    </message>
    <message>
        <source>The QR code does not match the stored report %1: the printed report was altered.</source>
        <translation>二维码与所存报告 %1 不符：纸质报告已被改动。</translation>
    </message>
    <message>
        <source>The stored content of report %1 cannot be read.</source>
        <translation>无法读取报告 %1 的存储内容。</translation>
    </message>
    <message>
        <source>That is not a report number: a report number reads like XMR20261204-1A2B-0001.</source>
        <translation>这不是报告编号：报告编号形如 XMR20261204-1A2B-0001。</translation>
    </message>
    <message>
        <source>The number or code stored for report %1 differs from what the report states.</source>
        <translation>报告 %1 所存的编号或验证码与报告内容不符。</translation>
    </message>
</context>
<context>
    <name>ReportRequestDialog</name>
    <message>
        <source>Credit Report</source>
        <translation>信用报告</translation>
    </message>
    <message>
        <source>Report about %1 %2. The basis comes first: it is recorded, printed on the report and decides what the report may show.</source>
        <translation>出具 %1 %2 的信用报告。先确定查询依据：依据将被记录、打印在报告上，并决定报告可以列示哪些信息。</translation>
    </message>
    <message>
        <source>&amp;Report:</source>
        <translation>报告种类(&amp;R)：</translation>
    </message>
    <message>
        <source>&amp;Basis:</source>
        <translation>查询依据(&amp;B)：</translation>
    </message>
    <message>
        <source>Applicant at the window</source>
        <translation>窗口申请人</translation>
    </message>
    <message>
        <source>The subject in person</source>
        <translation>主体本人</translation>
    </message>
    <message>
        <source>Its legal representative</source>
        <translation>其法定代表人</translation>
    </message>
    <message>
        <source>&amp;Capacity:</source>
        <translation>申请人身份(&amp;C)：</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>姓名(&amp;N)：</translation>
    </message>
    <message>
        <source>Identity &amp;document:</source>
        <translation>身份证件(&amp;D)：</translation>
    </message>
    <message>
        <source>Document n&amp;umber:</source>
        <translation>证件号码(&amp;U)：</translation>
    </message>
    <message>
        <source>&amp;Verified by:</source>
        <translation>核验方式(&amp;V)：</translation>
    </message>
    <message>
        <source>&amp;Authorisation (date or number):</source>
        <translation>授权书（日期或编号）(&amp;A)：</translation>
    </message>
    <message>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <source>Valid &amp;from:</source>
        <translation>有效期(&amp;F)：</translation>
    </message>
    <message>
        <source>&amp;Scan of the Authorisation…</source>
        <translation>授权书扫描件(&amp;S)…</translation>
    </message>
    <message>
        <source>No scan attached.</source>
        <translation>未附扫描件。</translation>
    </message>
    <message>
        <source>Scan of the Authorisation</source>
        <translation>授权书扫描件</translation>
    </message>
    <message>
        <source>Scans (*.pdf *.png *.jpg *.jpeg *.tif *.tiff)</source>
        <translation>扫描件 (*.pdf *.png *.jpg *.jpeg *.tif *.tiff)</translation>
    </message>
    <message>
        <source>Government agency</source>
        <translation>政府部门</translation>
    </message>
    <message>
        <source>A&amp;gency:</source>
        <translation>查询部门(&amp;G)：</translation>
    </message>
    <message>
        <source>Its &amp;letter or request No.:</source>
        <translation>来函或申请文号(&amp;L)：</translation>
    </message>
    <message>
        <source>&amp;Purpose:</source>
        <translation>查询用途(&amp;P)：</translation>
    </message>
    <message>
        <source>For purpose (6): the rule that sets it</source>
        <translation>用途（六）：设定该情形的规定</translation>
    </message>
    <message>
        <source>Special report: period and fields</source>
        <translation>专项信用报告：期间和领域</translation>
    </message>
    <message>
        <source>P&amp;eriod:</source>
        <translation>期间(&amp;E)：</translation>
    </message>
    <message>
        <source>&amp;Issue and Preview</source>
        <translation>出具并预览(&amp;I)</translation>
    </message>
    <message>
        <source>The scan %1 cannot be read: %2</source>
        <translation>无法读取扫描件 %1：%2</translation>
    </message>
    <message>
        <source>The scan %1 is empty or larger than %2 MB.</source>
        <translation>扫描件 %1 为空或超过 %2 MB。</translation>
    </message>
    <message>
        <source>✓ %1 (%2 KB)</source>
        <translation>✓ %1（%2 KB）</translation>
    </message>
    <message>
        <source>No report: %1</source>
        <translation>不能出具报告：%1</translation>
    </message>
    <message>
        <source>Rule for purpose &amp;6:</source>
        <translation>用途（六）的依据(&amp;6)：</translation>
    </message>
    <message>
        <source>Fields (Space &amp;ticks):</source>
        <translation>领域（空格键勾选）(&amp;T)：</translation>
    </message>
</context>
<context>
    <name>ReportTypes</name>
    <message>
        <source>Public Credit Information Report</source>
        <translation>公共信用信息报告</translation>
    </message>
    <message>
        <source>Special Credit Report</source>
        <translation>专项信用报告</translation>
    </message>
    <message>
        <source>The subject itself (identity verified)</source>
        <translation>本人查询（已核验身份）</translation>
    </message>
    <message>
        <source>Authorised by the subject</source>
        <translation>经主体授权查询</translation>
    </message>
    <message>
        <source>Government agency</source>
        <translation>政府部门查询</translation>
    </message>
    <message>
        <source>Query by the legal representative %1; %2 %3, %4.</source>
        <translation>法定代表人%1查询；%2 %3，%4。</translation>
    </message>
    <message>
        <source>Self-query by %1; %2 %3, %4.</source>
        <translation>本人%1查询；%2 %3，%4。</translation>
    </message>
    <message>
        <source>Query by %1 (%2 %3) with the subject&apos;s written authorisation %4, valid %5 to %6.</source>
        <translation>%1（%2 %3）持信用主体书面授权 %4 查询，授权有效期 %5 至 %6。</translation>
    </message>
    <message>
        <source>Query by %1 under document %2.</source>
        <translation>%1依文件 %2 查询。</translation>
    </message>
    <message>
        <source>Self-query of one&apos;s own public credit information</source>
        <translation>查询本人公共信用信息</translation>
    </message>
    <message>
        <source>Query authorised by the subject</source>
        <translation>经信用主体授权查询</translation>
    </message>
    <message>
        <source>%1 (set by %2)</source>
        <translation>%1（依据：%2）</translation>
    </message>
    <message>
        <source>Resident ID card</source>
        <translation>居民身份证</translation>
    </message>
    <message>
        <source>Temporary resident ID card</source>
        <translation>临时居民身份证</translation>
    </message>
    <message>
        <source>Passport</source>
        <translation>护照</translation>
    </message>
    <message>
        <source>Residence permit (Hong Kong, Macao, Taiwan)</source>
        <translation>港澳台居民居住证</translation>
    </message>
    <message>
        <source>Business licence and the legal representative&apos;s ID card</source>
        <translation>营业执照及法定代表人身份证</translation>
    </message>
    <message>
        <source>Read with the ID card reader</source>
        <translation>身份证读卡器读取</translation>
    </message>
    <message>
        <source>Compared with the holder in person</source>
        <translation>人证当面比对</translation>
    </message>
    <message>
        <source>Checked online with the issuing authority</source>
        <translation>联网向发证机关核查</translation>
    </message>
    <message>
        <source>(1) Administrative licensing, inspection or a larger administrative penalty</source>
        <translation>（一）行政许可、行政检查和较大数额行政处罚</translation>
    </message>
    <message>
        <source>(2) Government procurement, bidding, funds and projects, state land use rights, research management</source>
        <translation>（二）政府采购、招标投标、资金和项目安排、国有土地使用权出让、科研管理</translation>
    </message>
    <message>
        <source>(3) Civil servant recruitment, appointment, promotion or title evaluation</source>
        <translation>（三）公务员招录、任用、晋升和职称评定</translation>
    </message>
    <message>
        <source>(4) Commendations and awards</source>
        <translation>（四）表彰奖励</translation>
    </message>
    <message>
        <source>(5) Public safety risk analysis</source>
        <translation>（五）公共安全风险分析</translation>
    </message>
    <message>
        <source>(6) Another case set by the state, the province or the city</source>
        <translation>（六）国家、省、市规定的其他情形</translation>
    </message>
    <message>
        <source>The applicant&apos;s name is missing.</source>
        <translation>缺少申请人姓名。</translation>
    </message>
    <message>
        <source>Say which identity document the applicant showed.</source>
        <translation>请选择申请人出示的身份证件。</translation>
    </message>
    <message>
        <source>The number of the applicant&apos;s identity document is missing.</source>
        <translation>缺少申请人身份证件号码。</translation>
    </message>
    <message>
        <source>The applicant&apos;s resident ID number is not valid: %1</source>
        <translation>申请人的公民身份号码无效：%1</translation>
    </message>
    <message>
        <source>Say how the identity document was checked.</source>
        <translation>请选择身份证件的核验方式。</translation>
    </message>
    <message>
        <source>Say whether the applicant is the subject in person or its legal representative.</source>
        <translation>请说明申请人是主体本人还是其法定代表人。</translation>
    </message>
    <message>
        <source>An organisation cannot appear in person: its legal representative applies for it, or an agent with its written authorisation.</source>
        <translation>组织不能“本人”到场：应由其法定代表人申请，或由持其书面授权的代理人申请。</translation>
    </message>
    <message>
        <source>The identity document does not belong to the subject: a report about someone else needs their written authorisation.</source>
        <translation>身份证件不属于该信用主体：查询他人的报告须有其书面授权。</translation>
    </message>
    <message>
        <source>A natural person has no legal representative: they come in person or authorise someone.</source>
        <translation>自然人没有法定代表人：应本人到场或书面授权他人。</translation>
    </message>
    <message>
        <source>The applicant is not the subject&apos;s recorded legal representative (%1): a report for anyone else needs the subject&apos;s written authorisation.</source>
        <translation>申请人不是该主体登记的法定代表人（%1）：其他人查询须有该主体的书面授权。</translation>
    </message>
    <message>
        <source>Identify the written authorisation (its date or number).</source>
        <translation>请填写书面授权书的日期或编号。</translation>
    </message>
    <message>
        <source>The authorisation&apos;s validity dates are missing.</source>
        <translation>缺少授权有效期。</translation>
    </message>
    <message>
        <source>The authorisation ends before it starts.</source>
        <translation>授权截止日早于起始日。</translation>
    </message>
    <message>
        <source>The authorisation is not valid on %1 (valid %2 to %3).</source>
        <translation>授权在 %1 不在有效期内（有效期 %2 至 %3）。</translation>
    </message>
    <message>
        <source>Scan the subject&apos;s written authorisation and attach it.</source>
        <translation>请扫描并附上信用主体的书面授权书。</translation>
    </message>
    <message>
        <source>The applicant is the subject itself: choose a self-query.</source>
        <translation>申请人就是信用主体本人：请选择本人查询。</translation>
    </message>
    <message>
        <source>Name the government agency that asks.</source>
        <translation>请填写查询的政府部门。</translation>
    </message>
    <message>
        <source>The number of the agency&apos;s document (its letter or request) is missing.</source>
        <translation>缺少查询部门的来函或申请文号。</translation>
    </message>
    <message>
        <source>Choose which of the six purposes the agency queries for.</source>
        <translation>请选择政府部门查询的六类用途之一。</translation>
    </message>
    <message>
        <source>Purpose (6) needs the state, provincial or city rule that sets it.</source>
        <translation>用途（六）须注明设定该情形的国家、省或市规定。</translation>
    </message>
    <message>
        <source>A special report needs the period it covers (from and to).</source>
        <translation>专项信用报告需要注明所涵盖的期间（起止日期）。</translation>
    </message>
    <message>
        <source>The period ends before it starts.</source>
        <translation>期间截止日早于起始日。</translation>
    </message>
    <message>
        <source>The period cannot end after today (%1).</source>
        <translation>期间截止日不能晚于今天（%1）。</translation>
    </message>
    <message>
        <source>Choose at least one field for the special report.</source>
        <translation>请为专项信用报告至少选择一个领域。</translation>
    </message>
    <message>
        <source>%1 is not a field of the policy in force.</source>
        <translation>%1 不是现行政策中的领域。</translation>
    </message>
    <message>
        <source>The subject has no legal representative on record, so nobody can be checked as one: a report for its agent needs its written authorisation.</source>
        <translation>该主体没有登记法定代表人，无法核对法定代表人身份：代理人查询须有其书面授权。</translation>
    </message>
    <message>
        <source>The applicant&apos;s name</source>
        <translation>申请人姓名</translation>
    </message>
    <message>
        <source>The document number</source>
        <translation>证件号码</translation>
    </message>
    <message>
        <source>The authorisation&apos;s reference</source>
        <translation>授权书编号</translation>
    </message>
    <message>
        <source>The agency</source>
        <translation>查询机关</translation>
    </message>
    <message>
        <source>The agency&apos;s document</source>
        <translation>查询机关公函</translation>
    </message>
    <message>
        <source>The rule</source>
        <translation>依据的规定</translation>
    </message>
</context>
<context>
    <name>ReportVerifyPage</name>
    <message>
        <source>Verify a presented credit report: type its number and verification code, or scan its QR code into the number field.</source>
        <translation>核验申请人出示的信用报告：输入报告编号和验证码，或用扫码枪将报告二维码扫入报告编号栏。</translation>
    </message>
    <message>
        <source>Report &amp;number:</source>
        <translation>报告编号(&amp;N)：</translation>
    </message>
    <message>
        <source>Verification &amp;code:</source>
        <translation>验证码(&amp;C)：</translation>
    </message>
    <message>
        <source>&amp;Verify</source>
        <translation>核验(&amp;V)</translation>
    </message>
    <message>
        <source>%1 Copies printed: %2.</source>
        <translation>%1 已打印 %2 份。</translation>
    </message>
</context>
<context>
    <name>Roles</name>
    <message>
        <source>Clerk</source>
        <translation>窗口受理员</translation>
    </message>
    <message>
        <source>Reviewer</source>
        <translation>市级初审员</translation>
    </message>
    <message>
        <source>Supervisor</source>
        <translation>主管</translation>
    </message>
    <message>
        <source>Auditor</source>
        <translation>审计员</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>管理员</translation>
    </message>
</context>
<context>
    <name>RowSeals</name>
    <message>
        <source>The table %1 does not exist.</source>
        <translation>表 %1 不存在。</translation>
    </message>
</context>
<context>
    <name>ScanViewer</name>
    <message>
        <source>Scan: %1</source>
        <translation>扫描件：%1</translation>
    </message>
    <message>
        <source>%1 · %2 KB · added by %3 on %4 · SHA-256 %5 (checked)</source>
        <translation>%1 · %2 KB · %3 于 %4 添加 · SHA-256 %5（已校验）</translation>
    </message>
    <message>
        <source>The scan %1 is not a PDF this program can show.</source>
        <translation>扫描件 %1 不是本程序能显示的 PDF 文件。</translation>
    </message>
    <message>
        <source>The scan %1 is not an image or a PDF this program can show.</source>
        <translation>扫描件 %1 不是本程序能显示的图片或 PDF 文件。</translation>
    </message>
    <message>
        <source>Page </source>
        <translation>第 </translation>
    </message>
    <message>
        <source> of %1</source>
        <translation> 页，共 %1 页</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>放大(&amp;I)</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>缩小(&amp;O)</translation>
    </message>
</context>
<context>
    <name>SearchPage</name>
    <message>
        <source>Identifier, name, or part of a name (2 characters or more)</source>
        <translation>标识码、名称或部分名称（至少 2 个字）</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>查询</translation>
    </message>
    <message>
        <source>Type or scan an identifier, or type a name, then press Enter.</source>
        <translation>请输入或扫描标识码，或输入名称，然后按回车键。</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>District</source>
        <translation>所属区</translation>
    </message>
    <message>
        <source>Match</source>
        <translation>匹配方式</translation>
    </message>
    <message>
        <source>The search failed: %1</source>
        <translation>查询失败：%1</translation>
    </message>
    <message>
        <source>No subject has the identifier %1 on this workstation. %2</source>
        <translation>本工作站上没有标识码为 %1 的信用主体。%2</translation>
    </message>
    <message>
        <source>No subject found. %1</source>
        <translation>未找到信用主体。%1</translation>
    </message>
    <message>
        <source>No name is or starts with &quot;%1&quot;. Type at least 2 characters to find names containing them.</source>
        <translation>没有名称为“%1”或以其开头的信用主体。输入至少 2 个字可查找名称中包含该内容的主体。</translation>
    </message>
    <message>
        <source>No subject&apos;s name contains &quot;%1&quot;.</source>
        <translation>没有名称中包含“%1”的信用主体。</translation>
    </message>
    <message numerus="yes">
        <source>The first %n results; scroll for more. Enter opens the highlighted subject.</source>
        <translation>
            <numerusform>前 %n 条结果；滚动可查看更多。按回车键打开高亮显示的信用主体。</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 Note: %2</source>
        <translation>%1 注意：%2</translation>
    </message>
    <message>
        <source>&amp;Search:</source>
        <translation>查询(&amp;S)：</translation>
    </message>
    <message numerus="yes">
        <source>Results: %n. Enter opens the highlighted subject.</source>
        <translation>
            <numerusform>结果：%n 条。按回车键打开高亮显示的信用主体。</numerusform>
        </translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a whole identifier: identifiers have 18 characters and %2 were entered. Type or scan all of it, or type a name.</source>
        <translation>“%1”不是完整的标识码：标识码共 18 位，当前输入了 %2 位。请输入或扫描完整的标识码，或输入名称。</translation>
    </message>
    <message>
        <source>The search could not be recorded in the audit trail: %1</source>
        <translation>无法将本次查询记入审计日志：%1</translation>
    </message>
</context>
<context>
    <name>SqlCipherDriver</name>
    <message>
        <source>Unable to open the database.</source>
        <translation>无法打开数据库。</translation>
    </message>
    <message>
        <source>Unknown connection option: %1</source>
        <translation>未知的连接选项：%1</translation>
    </message>
    <message>
        <source>The database file %1 does not exist.</source>
        <translation>数据库文件 %1 不存在。</translation>
    </message>
    <message>
        <source>No key is available for the database %1.</source>
        <translation>没有可用于数据库 %1 的密钥。</translation>
    </message>
    <message>
        <source>The SQLite library in use is not SQLCipher (PRAGMA cipher_version gave no answer).</source>
        <translation>当前使用的 SQLite 库不是 SQLCipher（PRAGMA cipher_version 未返回结果）。</translation>
    </message>
    <message>
        <source>The file is not an xmcredit database, or the key does not open it (%1).</source>
        <translation>该文件不是 xmcredit 数据库，或该密钥无法打开此文件（%1）。</translation>
    </message>
    <message>
        <source>Unable to begin the transaction.</source>
        <translation>无法开始事务。</translation>
    </message>
    <message>
        <source>Unable to commit the transaction.</source>
        <translation>无法提交事务。</translation>
    </message>
    <message>
        <source>Unable to roll back the transaction.</source>
        <translation>无法回滚事务。</translation>
    </message>
    <message>
        <source>The database is not open.</source>
        <translation>数据库未打开。</translation>
    </message>
    <message>
        <source>Unable to execute the script.</source>
        <translation>无法执行脚本。</translation>
    </message>
    <message>
        <source>Unable to prepare the database for a new key.</source>
        <translation>无法为更换密钥准备数据库。</translation>
    </message>
    <message>
        <source>Unable to change the database key.</source>
        <translation>无法更改数据库密钥。</translation>
    </message>
    <message>
        <source>Unable to re-enable the write-ahead log.</source>
        <translation>无法重新启用预写日志。</translation>
    </message>
</context>
<context>
    <name>SqlCipherResult</name>
    <message>
        <source>The database is not open.</source>
        <translation>数据库未打开。</translation>
    </message>
    <message>
        <source>Unable to prepare the statement.</source>
        <translation>无法准备语句。</translation>
    </message>
    <message>
        <source>Unable to execute several statements at a time.</source>
        <translation>无法一次执行多条语句。</translation>
    </message>
    <message>
        <source>The statement is empty.</source>
        <translation>语句为空。</translation>
    </message>
    <message>
        <source>No statement is prepared.</source>
        <translation>没有已准备的语句。</translation>
    </message>
    <message>
        <source>Parameter count mismatch: the statement takes %1, %2 given.</source>
        <translation>参数数量不匹配：该语句需要 %1 个参数，实际提供了 %2 个。</translation>
    </message>
    <message>
        <source>Unable to bind parameter %1.</source>
        <translation>无法绑定参数 %1。</translation>
    </message>
    <message>
        <source>Unable to execute the statement.</source>
        <translation>无法执行语句。</translation>
    </message>
    <message>
        <source>Unable to fetch the row.</source>
        <translation>无法获取数据行。</translation>
    </message>
</context>
<context>
    <name>StaffDirectory</name>
    <message>
        <source>The username %1 is not valid.</source>
        <translation>用户名 %1 无效。</translation>
    </message>
    <message>
        <source>There is no active member of staff named %1.</source>
        <translation>不存在用户名为 %1 的有效工作人员。</translation>
    </message>
    <message>
        <source>Only an administrator&apos;s session can sign changes to the staff list.</source>
        <translation>只有管理员的会话才能对工作人员名单的变更签名。</translation>
    </message>
    <message>
        <source>%1 has no signing key.</source>
        <translation>%1 没有签名密钥。</translation>
    </message>
    <message>
        <source>There is no member of staff named %1.</source>
        <translation>不存在名为 %1 的工作人员。</translation>
    </message>
    <message>
        <source>The staff list cannot be read: %1</source>
        <translation>无法读取工作人员名单：%1</translation>
    </message>
    <message>
        <source>The staff row of %1 is not signed by an administrator of this workstation: it was added or changed outside the program.</source>
        <translation>%1 的工作人员记录没有本工作站管理员的签名：该记录是在本程序之外添加或修改的。</translation>
    </message>
</context>
<context>
    <name>SubjectEntryForm</name>
    <message>
        <source>A person or organisation that is not on the platform yet. It is kept here as a local subject and sent to the platform, which confirms it.</source>
        <translation>尚未在平台上登记的个人或组织。先作为本地信用主体保存在本站，并报送平台，由平台确认。</translation>
    </message>
    <message>
        <source>New Subject</source>
        <translation>新信用主体</translation>
    </message>
    <message>
        <source>&amp;Kind of subject:</source>
        <translation>主体类型(&amp;K)：</translation>
    </message>
    <message>
        <source>&amp;Identifier:</source>
        <translation>标识码(&amp;I)：</translation>
    </message>
    <message>
        <source>Supervisor &amp;Override…</source>
        <translation>主管签批例外(&amp;O)…</translation>
    </message>
    <message>
        <source>For a real identifier that fails only its check character: a supervisor signs it.</source>
        <translation>适用于真实存在、仅校验码不符的标识码：由主管签批。</translation>
    </message>
    <message>
        <source>Override:</source>
        <translation>签批例外：</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Legal representative:</source>
        <translation>法定代表人(&amp;L)：</translation>
    </message>
    <message>
        <source>Registered &amp;address:</source>
        <translation>注册地址(&amp;A)：</translation>
    </message>
    <message>
        <source>&amp;Established or born on:</source>
        <translation>成立日期或出生日期(&amp;E)：</translation>
    </message>
    <message>
        <source>Ind&amp;ustry:</source>
        <translation>所属行业(&amp;U)：</translation>
    </message>
    <message>
        <source>&amp;District:</source>
        <translation>所属区(&amp;D)：</translation>
    </message>
    <message>
        <source>Registration s&amp;tatus:</source>
        <translation>登记状态(&amp;T)：</translation>
    </message>
    <message>
        <source>Ente&amp;red from:</source>
        <translation>录入依据(&amp;R)：</translation>
    </message>
    <message>
        <source>The document the subject was entered from, e.g. a registration certificate</source>
        <translation>录入该信用主体所依据的文书，例如登记证书</translation>
    </message>
    <message>
        <source>Open This Subject</source>
        <translation>打开该信用主体</translation>
    </message>
    <message>
        <source>Save Subject</source>
        <translation>保存信用主体</translation>
    </message>
    <message>
        <source>Identifier accepted on %1&apos;s override.</source>
        <translation>标识码已经 %1 签批例外予以接受。</translation>
    </message>
    <message>
        <source>Saved %1 as a local subject (entry %2, awaiting the platform).</source>
        <translation>已将 %1 保存为本地信用主体（录入编号 %2，待平台确认）。</translation>
    </message>
</context>
<context>
    <name>SubjectEntryModel</name>
    <message>
        <source>Kind of subject</source>
        <translation>主体类型</translation>
    </message>
    <message>
        <source>Identifier</source>
        <translation>标识码</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Legal representative</source>
        <translation>法定代表人</translation>
    </message>
    <message>
        <source>Registered address</source>
        <translation>注册地址</translation>
    </message>
    <message>
        <source>Established or born on</source>
        <translation>成立日期或出生日期</translation>
    </message>
    <message>
        <source>Industry</source>
        <translation>所属行业</translation>
    </message>
    <message>
        <source>District</source>
        <translation>所属区</translation>
    </message>
    <message>
        <source>Registration status</source>
        <translation>登记状态</translation>
    </message>
    <message>
        <source>Identifier override</source>
        <translation>标识码签批例外</translation>
    </message>
    <message>
        <source>Entered from</source>
        <translation>录入依据</translation>
    </message>
    <message>
        <source>(outside Xiamen or unknown)</source>
        <translation>（厦门市外或不详）</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>Signed by %1 on %2: %3</source>
        <translation>由 %1 于 %2 签批：%3</translation>
    </message>
    <message>
        <source>Choose the kind of subject.</source>
        <translation>请选择主体类型。</translation>
    </message>
    <message>
        <source>The identifier override must be signed by an active supervisor; %1 may not sign it.</source>
        <translation>标识码签批例外必须由有效的主管签批；%1 无权签批。</translation>
    </message>
    <message>
        <source>A subject with this identifier is known already: %1.</source>
        <translation>已存在具有此标识码的信用主体：%1。</translation>
    </message>
    <message>
        <source>The birth date does not match the one in the identifier (%1).</source>
        <translation>出生日期与标识码中的出生日期（%1）不一致。</translation>
    </message>
    <message>
        <source>The date cannot be in the future.</source>
        <translation>日期不能晚于今天。</translation>
    </message>
    <message>
        <source>A natural person has no registration status.</source>
        <translation>自然人没有登记状态。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a registration status.</source>
        <translation>“%1”不是有效的登记状态。</translation>
    </message>
    <message>
        <source>A name needs letters or digits.</source>
        <translation>名称须包含文字或数字。</translation>
    </message>
</context>
<context>
    <name>SubjectItemsModel</name>
    <message>
        <source>Basic information (%1)</source>
        <translation>基本信息（%1）</translation>
    </message>
    <message>
        <source>Trustworthy information (%1)</source>
        <translation>守信信息（%1）</translation>
    </message>
    <message>
        <source>Dishonest information (%1)</source>
        <translation>失信信息（%1）</translation>
    </message>
    <message>
        <source>Entered here, awaiting the platform (%1)</source>
        <translation>本站录入、待平台确认（%1）</translation>
    </message>
    <message>
        <source>New subject: %1</source>
        <translation>新信用主体：%1</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>信用主体</translation>
    </message>
    <message>
        <source>Entered by %1 on %2.</source>
        <translation>由 %1 于 %2 录入。</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>信息</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Decided on</source>
        <translation>决定日期</translation>
    </message>
    <message>
        <source>Source department</source>
        <translation>来源部门</translation>
    </message>
    <message>
        <source>Document number</source>
        <translation>文书文号</translation>
    </message>
    <message>
        <source>Status today</source>
        <translation>今日状态</translation>
    </message>
    <message>
        <source>Credit repair</source>
        <translation>信用修复</translation>
    </message>
</context>
<context>
    <name>SubjectPage</name>
    <message>
        <source>No subject is open. Find the subject first.</source>
        <translation>未打开信用主体。请先查找信用主体。</translation>
    </message>
    <message>
        <source>&amp;Enter a Record for This Subject</source>
        <translation>为该主体录入信息(&amp;E)</translation>
    </message>
    <message>
        <source>Find &amp;Another Subject</source>
        <translation>查找其他信用主体(&amp;A)</translation>
    </message>
    <message>
        <source>No subject is open. Find the subject first (%1).</source>
        <translation>未打开信用主体。请先查找信用主体（%1）。</translation>
    </message>
    <message>
        <source>The subject could not be found.</source>
        <translation>找不到该信用主体。</translation>
    </message>
    <message>
        <source>Open Subject</source>
        <translation>打开信用主体</translation>
    </message>
    <message>
        <source>The subject could not be opened: %1</source>
        <translation>无法打开该信用主体：%1</translation>
    </message>
    <message>
        <source>The entries awaiting the platform could not be read: %1</source>
        <translation>无法读取待平台确认的录入：%1</translation>
    </message>
    <message>
        <source>Identifier: %1</source>
        <translation>标识码：%1</translation>
    </message>
    <message>
        <source>Identifier: %1 (masked for your role)</source>
        <translation>标识码：%1（按您的角色脱敏显示）</translation>
    </message>
    <message>
        <source>born %1</source>
        <translation>出生于 %1</translation>
    </message>
    <message>
        <source>established %1</source>
        <translation>成立于 %1</translation>
    </message>
    <message>
        <source>legal representative %1</source>
        <translation>法定代表人：%1</translation>
    </message>
    <message>
        <source>entered at this workstation, not yet confirmed by the platform</source>
        <translation>在本工作站录入，尚未经平台确认</translation>
    </message>
    <message>
        <source>Opened on %1 for: %2</source>
        <translation>%1 打开，查询依据：%2</translation>
    </message>
    <message>
        <source>Credit &amp;Repair Application…</source>
        <translation>信用修复申请(&amp;R)…</translation>
    </message>
    <message>
        <source>O&amp;bjection…</source>
        <translation>异议申请(&amp;B)…</translation>
    </message>
    <message>
        <source>Credit Re&amp;port…</source>
        <translation>信用报告(&amp;P)…</translation>
    </message>
</context>
<context>
    <name>SubjectProfile</name>
    <message numerus="yes">
        <source>Social credit warning: listed in the key attention lists of %n industries or fields between %1 and %2; disclosed until %3.</source>
        <translation>
            <numerusform>社会信用预警：%1 至 %2 期间被列入 %n 个行业、领域的重点关注名单；公示至 %3。</numerusform>
        </translation>
    </message>
    <message>
        <source>Social credit warning: the platform lists this subject with a social credit warning.</source>
        <translation>社会信用预警：平台已对该主体发出社会信用预警。</translation>
    </message>
    <message>
        <source>In disclosure until %1</source>
        <translation>公示中（至 %1）</translation>
    </message>
    <message>
        <source>Disclosed (no time limit)</source>
        <translation>公示中（无期限）</translation>
    </message>
    <message>
        <source>Under objection (in disclosure until %1)</source>
        <translation>异议处理中（公示至 %1）</translation>
    </message>
    <message>
        <source>Under objection</source>
        <translation>异议处理中</translation>
    </message>
    <message>
        <source>Not yet disclosed (decided on %1)</source>
        <translation>尚未公示（决定日期 %1）</translation>
    </message>
    <message>
        <source>Expired on %1</source>
        <translation>已于 %1 公示期满</translation>
    </message>
    <message>
        <source>Repaired on %1</source>
        <translation>已于 %1 修复</translation>
    </message>
    <message>
        <source>Withdrawn on %1</source>
        <translation>已于 %1 删除</translation>
    </message>
    <message>
        <source>Status undetermined</source>
        <translation>状态无法确定</translation>
    </message>
    <message>
        <source>Eligible</source>
        <translation>可申请修复</translation>
    </message>
    <message>
        <source>Eligible from %1</source>
        <translation>自 %1 起可申请修复</translation>
    </message>
    <message>
        <source>Never repairable</source>
        <translation>不可修复</translation>
    </message>
    <message>
        <source>Not applicable</source>
        <translation>不适用</translation>
    </message>
    <message>
        <source>Undetermined</source>
        <translation>无法确定</translation>
    </message>
    <message>
        <source>Your role does not allow querying subjects.</source>
        <translation>您的角色无权查询信用主体。</translation>
    </message>
    <message>
        <source>State the basis of the query (its purpose or legal basis) before opening a subject.</source>
        <translation>打开信用主体前，请先填写查询依据（查询目的或法律依据）。</translation>
    </message>
    <message>
        <source>There is no subject %1.</source>
        <translation>不存在信用主体 %1。</translation>
    </message>
</context>
<context>
    <name>SubjectRepository</name>
    <message>
        <source>The name of the subject is required.</source>
        <translation>必须填写信用主体名称。</translation>
    </message>
    <message>
        <source>A subject with the identifier %1 is known already: %2.</source>
        <translation>标识码为 %1 的信用主体已存在：%2。</translation>
    </message>
    <message>
        <source>A subject from the platform needs its platform id.</source>
        <translation>来自平台的信用主体必须具有平台编号。</translation>
    </message>
    <message>
        <source>The identifier override must be signed by an active supervisor; %1 may not sign it.</source>
        <translation>标识码签批例外必须由有效的主管签批；%1 无权签批。</translation>
    </message>
</context>
<context>
    <name>SubjectSearch</name>
    <message>
        <source>Your role does not allow searching for subjects.</source>
        <translation>您的角色无权查询信用主体。</translation>
    </message>
</context>
<context>
    <name>SubjectSearchModel</name>
    <message>
        <source>Identifier</source>
        <translation>标识码</translation>
    </message>
    <message>
        <source>Exact name</source>
        <translation>名称完全匹配</translation>
    </message>
    <message>
        <source>Name starts with</source>
        <translation>名称开头匹配</translation>
    </message>
    <message>
        <source>Name contains</source>
        <translation>名称包含</translation>
    </message>
    <message>
        <source>Entered at this workstation; not yet confirmed by the platform.</source>
        <translation>在本工作站录入，尚未经平台确认。</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>District</source>
        <translation>所属区</translation>
    </message>
    <message>
        <source>Match</source>
        <translation>匹配方式</translation>
    </message>
    <message>
        <source>under objection</source>
        <translation>异议处理中</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
</context>
<context>
    <name>SubmissionStatus</name>
    <message>
        <source>Awaiting sending to the platform</source>
        <translation>待报送平台</translation>
    </message>
    <message>
        <source>Sent, awaiting the platform</source>
        <translation>已报送，待平台确认</translation>
    </message>
    <message>
        <source>Accepted by the platform</source>
        <translation>平台已接收</translation>
    </message>
    <message>
        <source>Rejected by the platform</source>
        <translation>平台已退回</translation>
    </message>
</context>
<context>
    <name>SupervisorOverrideDialog</name>
    <message>
        <source>Supervisor Override</source>
        <translation>主管签批例外</translation>
    </message>
    <message>
        <source>The identifier %1 fails its check: %2

If the document shows it exactly like this, a supervisor may accept it. The override is stored with the subject and recorded in the audit trail.</source>
        <translation>标识码 %1 未通过校验：%2

如果文书上的标识码确实与此完全一致，可由主管签批予以接受。签批例外将与该信用主体一并保存，并记入审计日志。</translation>
    </message>
    <message>
        <source>&amp;Supervisor:</source>
        <translation>主管(&amp;S)：</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
    <message>
        <source>e.g. the registry&apos;s certificate shows this code</source>
        <translation>例如登记机关核发的证书上显示的就是此代码</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>理由(&amp;R)：</translation>
    </message>
    <message>
        <source>&amp;Sign Override</source>
        <translation>签批例外(&amp;S)</translation>
    </message>
    <message>
        <source>Checking the password…</source>
        <translation>正在验证密码…</translation>
    </message>
    <message>
        <source>Enter the supervisor&apos;s username.</source>
        <translation>请输入主管的用户名。</translation>
    </message>
    <message>
        <source>The supervisor enters their password.</source>
        <translation>请主管输入其密码。</translation>
    </message>
    <message>
        <source>Give the reason the identifier is accepted.</source>
        <translation>请填写接受该标识码的理由。</translation>
    </message>
    <message>
        <source>%1 may not sign identifier overrides: a supervisor must sign.</source>
        <translation>%1 无权签批标识码例外：必须由主管签批。</translation>
    </message>
</context>
<context>
    <name>SyncClient</name>
    <message>
        <source>The sync was cancelled.</source>
        <translation>同步已取消。</translation>
    </message>
    <message>
        <source>The platform at %1 did not prove its identity with a certificate of the pinned CA: %2</source>
        <translation>%1 处的平台未能以已固定 CA 签发的证书证明其身份：%2</translation>
    </message>
    <message>
        <source>The platform refused this workstation (HTTP %1): %2</source>
        <translation>平台拒绝了本工作站（HTTP %1）：%2</translation>
    </message>
    <message>
        <source>The platform answered HTTP %1: %2</source>
        <translation>平台返回 HTTP %1：%2</translation>
    </message>
    <message>
        <source>The platform answered HTTP %1 %2 times.</source>
        <translation>平台 %2 次返回 HTTP %1。</translation>
    </message>
    <message>
        <source>The platform at %1 could not be reached (%2 attempts): %3</source>
        <translation>无法连接 %1 处的平台（尝试 %2 次）：%3</translation>
    </message>
    <message>
        <source>A %1 may not enrol the workstation with the platform.</source>
        <translation>%1无权将工作站登记到平台。</translation>
    </message>
    <message>
        <source>The platform&apos;s address must be an https:// address.</source>
        <translation>平台地址必须是 https:// 地址。</translation>
    </message>
    <message>
        <source>The platform&apos;s CA certificate is not a PEM certificate.</source>
        <translation>平台的 CA 证书不是 PEM 格式的证书。</translation>
    </message>
    <message>
        <source>An enrolment code is 4 to 64 letters, digits or hyphens.</source>
        <translation>登记码为 4 至 64 个字母、数字或连字符。</translation>
    </message>
    <message>
        <source>The platform&apos;s enrolment answer is not of the protocol&apos;s form.</source>
        <translation>平台的登记应答不符合协议格式。</translation>
    </message>
    <message>
        <source>The platform at %1 (%2) signs with another key than the platform this workstation is enrolled with (%3): nothing was changed.</source>
        <translation>%1 处的平台（%2）所用签名密钥与本工作站已登记的平台（%3）不同：未作任何更改。</translation>
    </message>
    <message>
        <source>A %1 may not sync with the platform.</source>
        <translation>%1无权与平台同步。</translation>
    </message>
    <message>
        <source>This session is read-only: %1</source>
        <translation>本会话为只读：%1</translation>
    </message>
    <message>
        <source>This workstation is not enrolled online with a platform: enrol it first (xmcredit-admin enrol --platform URL --code CODE --ca-cert FILE), or import exchange packages.</source>
        <translation>本工作站尚未在线登记到平台：请先登记（xmcredit-admin enrol --platform URL --code CODE --ca-cert FILE），或导入交换包。</translation>
    </message>
    <message>
        <source>The page after %1 of stream %2 was refused: %3 Nothing of it was applied.</source>
        <translation>数据流 %2 中 %1 之后的页面被拒绝：%3 该页未应用任何内容。</translation>
    </message>
    <message>
        <source>The platform answered the request for the page after %1 of stream %2 with the page after %3 of stream %4: refused, nothing of it applied.</source>
        <translation>请求数据流 %2 中 %1 之后的页面，平台却返回了数据流 %4 中 %3 之后的页面：已拒绝，未应用任何内容。</translation>
    </message>
    <message>
        <source>The platform keeps answering with the page before %1 of stream %2.</source>
        <translation>平台一直返回数据流 %2 中 %1 之前的页面。</translation>
    </message>
    <message>
        <source>A %1 may not set how the workstation reaches the platform.</source>
        <translation>%1无权设置工作站连接平台的方式。</translation>
    </message>
    <message>
        <source>The platform&apos;s audit anchor is not of the protocol&apos;s form.</source>
        <translation>平台的审计锚点不符合协议格式。</translation>
    </message>
    <message>
        <source>The platform holds audit entry %1 of this workstation, which this database does not have: the database was put back from an older copy (or rewritten). Nothing was synced; tell the platform&apos;s administrators.</source>
        <translation>平台保存的本工作站审计日志条目 %1 在本数据库中不存在：数据库已被较早的副本替换（或被改写）。未进行任何同步；请通知平台管理员。</translation>
    </message>
    <message>
        <source>The platform holds a newer audit head of this workstation than this database&apos;s (entry %1): the database was put back from an older copy, or another copy of it syncs with the same token.</source>
        <translation>平台保存的本工作站审计链头比本数据库的更新（条目 %1）：数据库已被较早的副本替换，或其另一副本正使用同一令牌同步。</translation>
    </message>
    <message>
        <source>The platform&apos;s answer to the outbox was not recorded: %1</source>
        <translation>平台对上报队列的答复未被记录：%1</translation>
    </message>
    <message numerus="yes">
        <source>%n page(s) pulled</source>
        <translation>
            <numerusform>已拉取 %n 页</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 of %2 pages (%3%)</source>
        <translation>已完成 %1 页，共 %2 页（%3%）</translation>
    </message>
    <message numerus="yes">
        <source>about %n second(s) left</source>
        <translation>
            <numerusform>约剩 %n 秒</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>about %n minute(s) left</source>
        <translation>
            <numerusform>约剩 %n 分钟</numerusform>
        </translation>
    </message>
    <message>
        <source>about %1 h %2 min left</source>
        <translation>约剩 %1 小时 %2 分钟</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1，%2</translation>
    </message>
</context>
<context>
    <name>SyncCommands</name>
    <message>
        <source>The platform&apos;s public key (hex).</source>
        <translation>平台公钥（十六进制）。</translation>
    </message>
    <message>
        <source>The platform&apos;s id.</source>
        <translation>平台标识。</translation>
    </message>
    <message>
        <source>The platform&apos;s address.</source>
        <translation>平台地址。</translation>
    </message>
    <message>
        <source>--platform-key takes the platform&apos;s public key as 64 hexadecimal digits.</source>
        <translation>--platform-key 需要 64 位十六进制数字的平台公钥。</translation>
    </message>
    <message>
        <source>Enrolled with platform %1.</source>
        <translation>已登记到平台 %1。</translation>
    </message>
    <message>
        <source>The exchange package.</source>
        <translation>交换包。</translation>
    </message>
    <message>
        <source>The package %1 cannot be read: %2</source>
        <translation>无法读取交换包 %1：%2</translation>
    </message>
    <message>
        <source>%1 page(s) applied, %2 already applied, in %3 ms.</source>
        <translation>已应用 %1 页，%2 页此前已应用，用时 %3 毫秒。</translation>
    </message>
    <message>
        <source>Prints a digest of the platform&apos;s records held here, to compare two workstations.
  digest --user NAME --password-stdin [--json]</source>
        <translation>输出本工作站所存平台数据的摘要，用于比较两个工作站。
  digest --user NAME --password-stdin [--json]</translation>
    </message>
    <message>
        <source>A %1 may not read the sync digest.</source>
        <translation>%1无权读取同步摘要。</translation>
    </message>
    <message>
        <source>The package %1 is larger than %2 MiB.</source>
        <translation>交换包 %1 超过 %2 MiB。</translation>
    </message>
    <message>
        <source>Enrols this workstation with the city credit platform; an administrator&apos;s task.
  enrol --platform URL --code CODE --ca-cert FILE --user NAME --password-stdin [--json]
      online: over HTTPS trusting only the platform&apos;s CA certificate (FILE, from the enrolment letter), with
      the letter&apos;s single-use code; pins the platform&apos;s signing key and keeps the device token it issues
      inside the encrypted database. A workstation enrolled offline can go online this way (same key).
  enrol --platform-key HEX --platform-id ID --user NAME --password-stdin [--json]
      offline: pins the platform&apos;s signing key (64 hexadecimal digits, from the enrolment letter).
Exit codes: 3 bad input, 7 role, 9 enrolled already, 4 code refused by the platform, 13 the platform&apos;s
certificate or key is not the pinned one, 15 the platform cannot be reached.</source>
        <translation>将本工作站登记到市信用平台；由管理员执行。
  enrol --platform URL --code CODE --ca-cert FILE --user NAME --password-stdin [--json]
      在线登记：通过 HTTPS 连接，仅信任平台的 CA 证书（FILE，随登记函提供），使用登记函中的一次性登记码；
      固定平台的签名密钥，并将平台签发的设备令牌保存在加密数据库中。已离线登记的工作站也可用此方式转为在线（密钥须相同）。
  enrol --platform-key HEX --platform-id ID --user NAME --password-stdin [--json]
      离线登记：固定平台的签名密钥（64 位十六进制数字，见登记函）。
退出码：3 输入有误，7 角色无权，9 已登记，4 平台拒绝登记码，13 平台的证书或密钥不是已固定的，15 无法连接平台。</translation>
    </message>
    <message>
        <source>The single-use enrolment code.</source>
        <translation>一次性登记码。</translation>
    </message>
    <message>
        <source>The platform&apos;s CA certificate (PEM).</source>
        <translation>平台的 CA 证书（PEM）。</translation>
    </message>
    <message>
        <source>--platform takes the platform&apos;s https:// address.</source>
        <translation>--platform 需要平台的 https:// 地址。</translation>
    </message>
    <message>
        <source>An online enrolment needs --platform, --code and --ca-cert.</source>
        <translation>在线登记需要 --platform、--code 和 --ca-cert。</translation>
    </message>
    <message>
        <source>An enrolment code is 4 to 64 letters, digits or hyphens.</source>
        <translation>登记码为 4 至 64 个字母、数字或连字符。</translation>
    </message>
    <message>
        <source>The CA certificate %1 cannot be read (or is larger than 64 KiB).</source>
        <translation>无法读取 CA 证书 %1（或其大于 64 KiB）。</translation>
    </message>
    <message>
        <source>%1 holds no PEM certificate.</source>
        <translation>%1 中没有 PEM 证书。</translation>
    </message>
    <message>
        <source>Enrolled with platform %1 at %2.</source>
        <translation>已登记到 %2 处的平台 %1。</translation>
    </message>
    <message>
        <source>Seconds without an answer before a request is retried (30).</source>
        <translation>请求无应答多少秒后重试（30）。</translation>
    </message>
    <message>
        <source>--timeout takes 1 to 3600 seconds.</source>
        <translation>--timeout 的取值为 1 至 3600 秒。</translation>
    </message>
    <message>
        <source>%1 page(s) were applied before the failure.</source>
        <translation>失败前已应用 %1 页。</translation>
    </message>
    <message>
        <source>Applies the platform&apos;s signed pages, pulled over HTTPS from the platform this workstation is enrolled with,
or read from an offline exchange package.
  sync [--timeout SECONDS] --user NAME --password-stdin [--json]
  sync --package FILE --user NAME --password-stdin [--json]
Pages are verified before anything is applied. A package is applied whole or not at all; a pull applies
batches of pages, each in one transaction, and retries network failures with backoff. Exit codes: a
truncated or malformed page 3, a wrong signature or certificate 13, a replayed or out-of-order page 11
(nothing of the refused page applied), the device token refused 4, the platform unreachable 15, the
platform holds a newer audit head than this database (an older copy was put back) 14.</source>
        <translation>应用平台签名的数据页：通过 HTTPS 从本工作站已登记的平台获取，或从离线交换包读取。
  sync [--timeout SECONDS] --user NAME --password-stdin [--json]
  sync --package FILE --user NAME --password-stdin [--json]
数据页在应用前先行校验。交换包要么整体应用，要么完全不应用；在线获取按批应用，每批一个事务，网络故障按退避间隔重试。
退出码：数据页截断或格式错误为 3，签名或证书错误为 13，重放或顺序错乱的数据页为 11（被拒绝的数据页不应用任何内容），
设备令牌被拒绝为 4，无法连接平台为 15，平台保存的审计链头比本数据库的更新（已换回较早的副本）为 14。</translation>
    </message>
    <message>
        <source>Sent to the platform: %1 accepted, %2 in conflict, %3 rejected; %4 still to send.</source>
        <translation>已上报平台：采纳 %1 条，冲突 %2 条，拒绝 %3 条；尚有 %4 条待上报。</translation>
    </message>
    <message>
        <source>Shows the outbox: how many of this window&apos;s entries (record submissions, case events, report issuances)
wait for the platform, and the platform&apos;s conflicts and rejections, newest first.
  outbox [--limit N] --user NAME --password-stdin [--json]
Exit codes: 3 bad --limit, 7 role.</source>
        <translation>显示上报队列：本窗口有多少条目（记录报送、案件事件、报告出具）等待上报平台，以及平台的冲突和拒绝（最新的在前）。
  outbox [--limit N] --user NAME --password-stdin [--json]
退出码：3 --limit 无效，7 角色无权。</translation>
    </message>
    <message>
        <source>How many conflicts and rejections to list (1 to 10000, 200).</source>
        <translation>列出多少条冲突和拒绝（1 至 10000，默认 200）。</translation>
    </message>
    <message>
        <source>--limit takes 1 to 10000.</source>
        <translation>--limit 的取值为 1 至 10000。</translation>
    </message>
    <message>
        <source>A %1 may not read the outbox.</source>
        <translation>%1无权查看上报队列。</translation>
    </message>
    <message>
        <source>%1 to send; %2 accepted, %3 in conflict, %4 rejected by the platform.</source>
        <translation>%1 条待上报；平台已采纳 %2 条，冲突 %3 条，拒绝 %4 条。</translation>
    </message>
    <message>
        <source>Sync: %1</source>
        <translation>同步：%1</translation>
    </message>
</context>
<context>
    <name>TextRules</name>
    <message>
        <source>%1 is longer than %2 characters.</source>
        <translation>%1超过 %2 个字符。</translation>
    </message>
    <message>
        <source>%1 holds characters that could not be read (invalid text): type it again.</source>
        <translation>%1含有无法识别的字符（无效文本）：请重新输入。</translation>
    </message>
    <message>
        <source>%1 holds control characters.</source>
        <translation>%1含有控制字符。</translation>
    </message>
    <message>
        <source>%1 holds invisible direction marks that change how it reads.</source>
        <translation>%1含有会改变阅读顺序的不可见方向控制符。</translation>
    </message>
</context>
<context>
    <name>WindowPages</name>
    <message>
        <source>Policy</source>
        <translation>政策配置</translation>
    </message>
    <message>
        <source>Find Subject</source>
        <translation>查找信用主体</translation>
    </message>
    <message>
        <source>Ctrl+F</source>
        <translation>Ctrl+F</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>信用主体</translation>
    </message>
    <message>
        <source>Ctrl+D</source>
        <translation>Ctrl+D</translation>
    </message>
    <message>
        <source>Enter a Record</source>
        <translation>录入信息</translation>
    </message>
    <message>
        <source>Ctrl+E</source>
        <translation>Ctrl+E</translation>
    </message>
    <message>
        <source>New Subject</source>
        <translation>新信用主体</translation>
    </message>
    <message>
        <source>Ctrl+N</source>
        <translation>Ctrl+N</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>案件</translation>
    </message>
    <message>
        <source>Ctrl+J</source>
        <translation>Ctrl+J</translation>
    </message>
    <message>
        <source>Case Timers</source>
        <translation>案件时限</translation>
    </message>
    <message>
        <source>Ctrl+T</source>
        <translation>Ctrl+T</translation>
    </message>
    <message>
        <source>Audit Trail</source>
        <translation>审计日志</translation>
    </message>
    <message>
        <source>Ctrl+U</source>
        <translation>Ctrl+U</translation>
    </message>
    <message>
        <source>Verify a Report</source>
        <translation>核验报告</translation>
    </message>
    <message>
        <source>Ctrl+Y</source>
        <translation>Ctrl+Y</translation>
    </message>
    <message>
        <source>Who May Do What</source>
        <translation>权限表</translation>
    </message>
    <message>
        <source>Ctrl+Shift+M</source>
        <translation>Ctrl+Shift+M</translation>
    </message>
    <message>
        <source>A policy profile cannot be used: %1</source>
        <translation>有政策配置无法使用：%1</translation>
    </message>
</context>
<context>
    <name>WorkingCalendar</name>
    <message>
        <source>The holiday calendar is not a JSON object: %1</source>
        <translation>节假日日历不是 JSON 对象：%1</translation>
    </message>
    <message>
        <source>The holiday calendar has format %1; this program reads format %2.</source>
        <translation>节假日日历的格式为 %1；本程序读取格式 %2。</translation>
    </message>
    <message>
        <source>The holiday calendar names no valid year.</source>
        <translation>节假日日历未指明有效年份。</translation>
    </message>
    <message>
        <source>The holiday calendar has no list of holidays.</source>
        <translation>节假日日历缺少节假日列表。</translation>
    </message>
    <message>
        <source>A holiday in the %1 calendar has no key or name.</source>
        <translation>%1 年日历中有一个节假日缺少键或名称。</translation>
    </message>
    <message>
        <source>The dates of holiday &apos;%1&apos; are not a range of days in %2.</source>
        <translation>节假日“%1”的日期不是 %2 年内的连续日期范围。</translation>
    </message>
    <message>
        <source>The holiday calendar has no list of working weekends.</source>
        <translation>节假日日历缺少调休上班日列表。</translation>
    </message>
    <message>
        <source>A working weekend of the %1 calendar is not a date in that year.</source>
        <translation>%1 年日历中有一个调休上班日不是该年份内的日期。</translation>
    </message>
    <message>
        <source>%1 is listed as a working weekend but is not a Saturday or Sunday.</source>
        <translation>%1 被列为调休上班日，但不是星期六或星期日。</translation>
    </message>
    <message>
        <source>%1 is listed both as a day off and as a working weekend.</source>
        <translation>%1 同时被列为休息日和调休上班日。</translation>
    </message>
    <message>
        <source>Cannot read the holiday calendar %1: %2</source>
        <translation>无法读取节假日日历 %1：%2</translation>
    </message>
    <message>
        <source>The calendar folder %1 does not exist.</source>
        <translation>日历文件夹 %1 不存在。</translation>
    </message>
</context>
<context>
    <name>Workstation</name>
    <message>
        <source>The database file %1 is truncated: its size (%2 bytes) is not a whole number of pages.</source>
        <translation>数据库文件 %1 被截断：其大小（%2 字节）不是页大小的整数倍。</translation>
    </message>
    <message>
        <source>The database file %1 is missing.</source>
        <translation>数据库文件 %1 缺失。</translation>
    </message>
    <message>
        <source>The key vault is being changed by another program (lock file %1). Try again later.</source>
        <translation>密钥库正在被其他程序修改（锁文件 %1）。请稍后重试。</translation>
    </message>
    <message>
        <source>Nobody is logged in.</source>
        <translation>当前没有用户登录。</translation>
    </message>
    <message>
        <source>%1 (%2) is not allowed to do this.</source>
        <translation>%1（%2）无权执行此操作。</translation>
    </message>
    <message>
        <source>The workstation file %1 cannot be written: %2</source>
        <translation>无法写入工作站文件 %1：%2</translation>
    </message>
    <message>
        <source>The database file %1 belongs to another workstation or has been replaced: it is not the database this workstation&apos;s key vault was made for.</source>
        <translation>数据库文件 %1 属于其他工作站或已被替换：它不是本工作站密钥库所对应的数据库。</translation>
    </message>
    <message>
        <source>The database file %1 is damaged: the key from the vault no longer opens it.</source>
        <translation>数据库文件 %1 已损坏：密钥库中的密钥已无法打开该文件。</translation>
    </message>
    <message>
        <source>The database file %1 is truncated: pages are missing at its end.</source>
        <translation>数据库文件 %1 被截断：末尾缺少若干页。</translation>
    </message>
    <message>
        <source>The database file %1 does not record which workstation it belongs to.</source>
        <translation>数据库文件 %1 未记录其所属工作站。</translation>
    </message>
    <message>
        <source>The database file %1 belongs to workstation %2, not to this workstation (%3).</source>
        <translation>数据库文件 %1 属于工作站 %2，而不属于本工作站（%3）。</translation>
    </message>
    <message>
        <source>The account %1 is not enrolled in this workstation&apos;s database.</source>
        <translation>账号 %1 未在本工作站的数据库中登记。</translation>
    </message>
    <message>
        <source>The staff list of %1 cannot be read: %2</source>
        <translation>无法读取 %1 的工作人员名单：%2</translation>
    </message>
    <message>
        <source>The account %1 has been removed from this workstation.</source>
        <translation>账号 %1 已从本工作站移除。</translation>
    </message>
    <message>
        <source>The database key of this session is not available.</source>
        <translation>本次会话的数据库密钥不可用。</translation>
    </message>
    <message>
        <source>The new database key could not be sealed.</source>
        <translation>无法封装新的数据库密钥。</translation>
    </message>
    <message>
        <source>The database key could not be changed (%1). Nothing was changed.</source>
        <translation>无法更改数据库密钥（%1）。未作任何更改。</translation>
    </message>
    <message>
        <source>A password must have at least %1 characters.</source>
        <translation>密码至少须有 %1 个字符。</translation>
    </message>
    <message>
        <source>A password must not be blank or contain line breaks.</source>
        <translation>密码不能为空，也不能包含换行符。</translation>
    </message>
    <message>
        <source>There is no workstation at %1.</source>
        <translation>%1 处没有工作站。</translation>
    </message>
    <message>
        <source>The workstation file %1 is missing.</source>
        <translation>工作站文件 %1 缺失。</translation>
    </message>
    <message>
        <source>The workstation file %1 cannot be read: %2</source>
        <translation>无法读取工作站文件 %1：%2</translation>
    </message>
    <message>
        <source>The workstation file %1 is damaged.</source>
        <translation>工作站文件 %1 已损坏。</translation>
    </message>
    <message>
        <source>The username %1 is not valid: use 1 to 32 lowercase letters, digits, &apos;.&apos;, &apos;_&apos; or &apos;-&apos;, starting with a letter.</source>
        <translation>用户名 %1 无效：请使用 1 至 32 个小写字母、数字、“.”、“_”或“-”，并以字母开头。</translation>
    </message>
    <message>
        <source>The workstation and its administrator need a name.</source>
        <translation>工作站及其管理员必须有名称。</translation>
    </message>
    <message>
        <source>A workstation already exists at %1 (%2 is there).</source>
        <translation>%1 处已存在工作站（其中已有 %2）。</translation>
    </message>
    <message>
        <source>The directory %1 cannot be created.</source>
        <translation>无法创建目录 %1。</translation>
    </message>
    <message>
        <source>The new database could not be set up: %1</source>
        <translation>无法设置新数据库：%1</translation>
    </message>
    <message numerus="yes">
        <source>Too many failed logins for %1. Wait %n second(s) before trying again.</source>
        <translation>
            <numerusform>%1 登录失败次数过多。请等待 %n 秒后重试。</numerusform>
        </translation>
    </message>
    <message>
        <source>The key vault %1 belongs to workstation %2, not to this workstation (%3).</source>
        <translation>密钥库 %1 属于工作站 %2，而不属于本工作站（%3）。</translation>
    </message>
    <message>
        <source>There is no member of staff named %1 on this workstation.</source>
        <translation>本工作站上不存在用户名为 %1 的工作人员。</translation>
    </message>
    <message>
        <source>The password for %1 is wrong.</source>
        <translation>%1 的密码错误。</translation>
    </message>
    <message>
        <source>The key vault %1 is damaged: the slot of %2 is invalid.</source>
        <translation>密钥库 %1 已损坏：%2 的密钥槽无效。</translation>
    </message>
    <message>
        <source>There is not enough memory to check the password. Close other programs and try again.</source>
        <translation>内存不足，无法验证密码。请关闭其他程序后重试。</translation>
    </message>
    <message>
        <source>The key vault %1 is damaged: the database key in the slot of %2 cannot be opened.</source>
        <translation>密钥库 %1 已损坏：无法打开 %2 的密钥槽中的数据库密钥。</translation>
    </message>
    <message>
        <source>The workstation has not been unlocked.</source>
        <translation>工作站尚未解锁。</translation>
    </message>
    <message>
        <source>The database file %1 belongs to another workstation.</source>
        <translation>数据库文件 %1 属于其他工作站。</translation>
    </message>
    <message>
        <source>The login could not be recorded: %1</source>
        <translation>无法记录本次登录：%1</translation>
    </message>
    <message>
        <source>The staff list cannot be read: %1</source>
        <translation>无法读取工作人员名单：%1</translation>
    </message>
    <message>
        <source>A member of staff needs a display name.</source>
        <translation>工作人员必须有显示名称。</translation>
    </message>
    <message>
        <source>A member of staff named %1 exists already.</source>
        <translation>用户名为 %1 的工作人员已存在。</translation>
    </message>
    <message>
        <source>The username %1 belonged to a removed member of staff and cannot be reused (the audit trail refers to it).</source>
        <translation>用户名 %1 曾属于已移除的工作人员，不能重复使用（审计日志中引用了该用户名）。</translation>
    </message>
    <message>
        <source>The key vault already holds a slot for %1.</source>
        <translation>密钥库中已有 %1 的密钥槽。</translation>
    </message>
    <message>
        <source>The key slot for %1 could not be made: %2</source>
        <translation>无法为 %1 创建密钥槽：%2</translation>
    </message>
    <message>
        <source>%1 could not be added: %2</source>
        <translation>无法添加 %1：%2</translation>
    </message>
    <message>
        <source>There is no active member of staff named %1.</source>
        <translation>不存在用户名为 %1 的有效工作人员。</translation>
    </message>
    <message>
        <source>You cannot remove your own account.</source>
        <translation>不能移除您自己的账号。</translation>
    </message>
    <message>
        <source>The last active administrator cannot be removed.</source>
        <translation>不能移除最后一位有效的管理员。</translation>
    </message>
    <message>
        <source>%1 could not be removed: %2</source>
        <translation>无法移除 %1：%2</translation>
    </message>
    <message>
        <source>The key vault holds no slot for %1.</source>
        <translation>密钥库中没有 %1 的密钥槽。</translation>
    </message>
    <message>
        <source>The database key can only be changed while no other program uses the database, and another one has it open (an xmcredit window or another xmcredit-admin command). Close it and try again. Nothing was changed.</source>
        <translation>只有在没有其他程序使用数据库时才能更改数据库密钥，而目前另有程序打开了数据库（xmcredit 窗口或另一个 xmcredit-admin 命令）。请关闭该程序后重试。未作任何更改。</translation>
    </message>
    <message>
        <source>The audit trail could not be written: %1</source>
        <translation>无法写入审计日志：%1</translation>
    </message>
    <message>
        <source>%1 has not been removed. %2</source>
        <translation>未移除 %1。%2</translation>
    </message>
    <message>
        <source>The database key was changed and %1 can no longer log in, but the account could not be marked as removed (%2). Run the removal again.</source>
        <translation>数据库密钥已更换，%1 已无法登录，但未能将该账号标记为已移除（%2）。请再次执行移除。</translation>
    </message>
    <message>
        <source>The password of %1 could not be changed: %2</source>
        <translation>无法更改 %1 的密码：%2</translation>
    </message>
    <message>
        <source>%1 (%2) is not allowed to read the audit trail.</source>
        <translation>%1（%2）无权读取审计日志。</translation>
    </message>
    <message>
        <source>Only an administrator&apos;s session holds the staff authority key that an administrator&apos;s slot needs.</source>
        <translation>只有管理员的会话持有管理员密钥槽所需的人员授权密钥。</translation>
    </message>
    <message>
        <source>The database %1 has been changed outside the program: %2 Nobody but an auditor can log in until it is examined (xmcredit-admin check).</source>
        <translation>数据库 %1 在本程序之外被修改：%2 在完成检查（xmcredit-admin check）之前，除审计员外任何人都不能登录。</translation>
    </message>
    <message>
        <source>the staff authority key in the database is not the one in the key vault.</source>
        <translation>数据库中的人员授权密钥与密钥库中的不一致。</translation>
    </message>
    <message>
        <source>the signing key of %1 is not the one in the vault.</source>
        <translation>%1 的签名密钥与密钥库中的不一致。</translation>
    </message>
    <message>
        <source>%1 was removed, but the staff list shows the account active again.</source>
        <translation>%1 已被移除，但工作人员名单显示该账号重新处于有效状态。</translation>
    </message>
    <message>
        <source>The database %1 is older than this workstation&apos;s key vault: its audit log ends at entry %2, but the vault recorded entry %3 at an earlier login. An old copy of the database has been put in place of the current one; restore the current database.</source>
        <translation>数据库 %1 比本工作站的密钥库旧：其审计日志止于条目 %2，而密钥库在此前一次登录时已记录条目 %3。当前数据库已被旧副本替换；请恢复当前数据库。</translation>
    </message>
    <message>
        <source>audit entry %1, recorded in the key vault, is missing.</source>
        <translation>密钥库中记录的审计日志条目 %1 缺失。</translation>
    </message>
    <message>
        <source>audit entry %1 is not the one the key vault recorded at an earlier login: the log was rewritten or the database replaced.</source>
        <translation>审计日志条目 %1 与密钥库在此前登录时记录的不一致：日志被改写或数据库被替换。</translation>
    </message>
    <message>
        <source>The key vault %1 is damaged: the authority key in the slot of %2 cannot be opened.</source>
        <translation>密钥库 %1 已损坏：无法打开 %2 密钥槽中的授权密钥。</translation>
    </message>
    <message>
        <source>The database file is damaged: %1</source>
        <translation>数据库文件已损坏：%1</translation>
    </message>
    <message>
        <source>Every page of the database reads back intact.</source>
        <translation>数据库的每一页读取均完好。</translation>
    </message>
    <message>
        <source>The staff authority key in the database is not the one in the key vault.</source>
        <translation>数据库中的人员授权密钥与密钥库中的不一致。</translation>
    </message>
    <message>
        <source>Every staff row carries an administrator&apos;s signature.</source>
        <translation>每条工作人员记录均有管理员签名。</translation>
    </message>
    <message>
        <source>Audit entry %1, recorded in the key vault, is in place.</source>
        <translation>密钥库中记录的审计日志条目 %1 完好。</translation>
    </message>
    <message>
        <source>Audit entry %1, recorded in the key vault, is missing or different: the database is older than the vault or was rewritten.</source>
        <translation>密钥库中记录的审计日志条目 %1 缺失或不一致：数据库比密钥库旧，或已被改写。</translation>
    </message>
    <message>
        <source>The key vault records no audit entry yet.</source>
        <translation>密钥库尚未记录任何审计日志条目。</translation>
    </message>
    <message>
        <source>the row seals cannot be read: %1</source>
        <translation>无法读取行封印：%1</translation>
    </message>
    <message>
        <source>records were changed outside the program after audit entry %1: the seals of the record tables are not the ones that entry recorded.</source>
        <translation>审计日志条目 %1 之后有记录在本程序之外被修改：记录表的封印与该条目所记录的不一致。</translation>
    </message>
    <message>
        <source>Rows of %1 were changed outside the program: they no longer add up to their seal.</source>
        <translation>%1 中的记录在本程序之外被修改：这些记录与其封印不再相符。</translation>
    </message>
    <message>
        <source>Every record table adds up to its seal, as the last audit entry recorded.</source>
        <translation>每个记录表均与其封印相符，与最后一条审计日志条目的记录一致。</translation>
    </message>
    <message>
        <source>the key vault records no audit entry, but the database holds some: the vault was altered.</source>
        <translation>密钥库未记录任何审计日志条目，但数据库中有条目：密钥库已被改动。</translation>
    </message>
</context>
<context>
    <name>XiamenDistricts</name>
    <message>
        <source>Siming District</source>
        <translation>思明区</translation>
    </message>
    <message>
        <source>Haicang District</source>
        <translation>海沧区</translation>
    </message>
    <message>
        <source>Huli District</source>
        <translation>湖里区</translation>
    </message>
    <message>
        <source>Jimei District</source>
        <translation>集美区</translation>
    </message>
    <message>
        <source>Tong&apos;an District</source>
        <translation>同安区</translation>
    </message>
    <message>
        <source>Xiang&apos;an District</source>
        <translation>翔安区</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Open the workstation in &lt;dir&gt;.</source>
        <translation>打开 &lt;dir&gt; 中的工作站。</translation>
    </message>
    <message>
        <source>User interface language: zh_CN or en.</source>
        <translation>用户界面语言：zh_CN 或 en。</translation>
    </message>
    <message>
        <source>Staff workstation of the Xiamen public credit information centre.</source>
        <translation>厦门市公共信用信息中心工作人员工作站。</translation>
    </message>
    <message>
        <source>Unknown language &quot;%1&quot;: use zh_CN or en.</source>
        <translation>未知语言“%1”：请使用 zh_CN 或 en。</translation>
    </message>
    <message>
        <source>No Workstation</source>
        <translation>无工作站</translation>
    </message>
</context>
<context>
    <name>xmcredit-admin</name>
    <message>
        <source>Usage: xmcredit-admin &lt;command&gt; [options]</source>
        <translation>用法：xmcredit-admin &lt;command&gt; [options]</translation>
    </message>
    <message>
        <source>Commands:</source>
        <translation>命令：</translation>
    </message>
    <message>
        <source>Run &apos;xmcredit-admin &lt;command&gt; --help&apos; for its options.</source>
        <translation>运行“xmcredit-admin &lt;command&gt; --help”查看其选项。</translation>
    </message>
    <message>
        <source>unknown command &apos;%1&apos; (see xmcredit-admin --help)</source>
        <translation>未知命令“%1”（参见 xmcredit-admin --help）</translation>
    </message>
    <message>
        <source>The workstation directory (default: %1).</source>
        <translation>工作站目录（默认：%1）。</translation>
    </message>
    <message>
        <source>DIR</source>
        <translation>DIR</translation>
    </message>
    <message>
        <source>The member of staff acting (logs in).</source>
        <translation>执行操作的工作人员（需登录）。</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>NAME</translation>
    </message>
    <message>
        <source>Read passwords from standard input, one per line.</source>
        <translation>从标准输入读取密码，每行一个。</translation>
    </message>
    <message>
        <source>Print the result as JSON.</source>
        <translation>以 JSON 格式输出结果。</translation>
    </message>
    <message>
        <source>Standard input ended before the password of %1.</source>
        <translation>标准输入在读取 %1 的密码之前已结束。</translation>
    </message>
    <message>
        <source>Passwords are read from standard input only: pass --password-stdin.</source>
        <translation>密码只能从标准输入读取：请指定 --password-stdin。</translation>
    </message>
    <message>
        <source>Name the member of staff acting with --user.</source>
        <translation>请使用 --user 指定执行操作的工作人员。</translation>
    </message>
    <message>
        <source>Creates a workstation: an encrypted database with a random key, its key vault and the first administrator. Standard input: the administrator&apos;s password.</source>
        <translation>创建工作站：包括使用随机密钥加密的数据库、其密钥库以及首位管理员。标准输入：管理员的密码。</translation>
    </message>
    <message>
        <source>Username of the first administrator.</source>
        <translation>首位管理员的用户名。</translation>
    </message>
    <message>
        <source>The administrator&apos;s full name (default: the username).</source>
        <translation>管理员的全名（默认：用户名）。</translation>
    </message>
    <message>
        <source>TEXT</source>
        <translation>TEXT</translation>
    </message>
    <message>
        <source>The workstation&apos;s name (default: the host name).</source>
        <translation>工作站名称（默认：主机名）。</translation>
    </message>
    <message>
        <source>Name the first administrator with --admin.</source>
        <translation>请使用 --admin 指定首位管理员。</translation>
    </message>
    <message>
        <source>Created workstation %1 (%2) in %3.</source>
        <translation>已在 %3 中创建工作站 %1（%2）。</translation>
    </message>
    <message>
        <source>Manages the staff of a workstation.
  staff add NAME --role ROLE [--display-name TEXT] --user ADMIN --password-stdin
      standard input: ADMIN&apos;s password, then the new member&apos;s password
  staff remove NAME [--no-rekey] --user ADMIN --password-stdin
      standard input: ADMIN&apos;s password. Rotates the database key unless --no-rekey.
  staff passwd NAME --user ACTOR --password-stdin
      standard input: ACTOR&apos;s password, then NAME&apos;s new password (ACTOR may be NAME)
  staff list [--json] --user NAME --password-stdin
      standard input: NAME&apos;s password
Roles: clerk, reviewer, supervisor, auditor, administrator.</source>
        <translation>管理工作站的工作人员。
  staff add NAME --role ROLE [--display-name TEXT] --user ADMIN --password-stdin
      标准输入：ADMIN 的密码，然后是新工作人员的密码
  staff remove NAME [--no-rekey] --user ADMIN --password-stdin
      标准输入：ADMIN 的密码。除非指定 --no-rekey，否则将更换数据库密钥。
  staff passwd NAME --user ACTOR --password-stdin
      标准输入：ACTOR 的密码，然后是 NAME 的新密码（ACTOR 可以是 NAME 本人）
  staff list [--json] --user NAME --password-stdin
      标准输入：NAME 的密码
角色：clerk（窗口受理员）、reviewer（市级初审员）、supervisor（主管）、auditor（审计员）、administrator（管理员）。</translation>
    </message>
    <message>
        <source>add, remove, passwd or list</source>
        <translation>add、remove、passwd 或 list</translation>
    </message>
    <message>
        <source>The member of staff concerned.</source>
        <translation>相关工作人员。</translation>
    </message>
    <message>
        <source>[NAME]</source>
        <translation>[NAME]</translation>
    </message>
    <message>
        <source>The role of a new member of staff.</source>
        <translation>新工作人员的角色。</translation>
    </message>
    <message>
        <source>ROLE</source>
        <translation>ROLE</translation>
    </message>
    <message>
        <source>Full name (default: the username).</source>
        <translation>全名（默认：用户名）。</translation>
    </message>
    <message>
        <source>Do not rotate the database key after removing a member of staff.</source>
        <translation>移除工作人员后不更换数据库密钥。</translation>
    </message>
    <message>
        <source>Unknown staff command &apos;%1&apos;: use add, remove, passwd or list.</source>
        <translation>未知的 staff 命令“%1”：请使用 add、remove、passwd 或 list。</translation>
    </message>
    <message>
        <source>Name the member of staff.</source>
        <translation>请指定工作人员。</translation>
    </message>
    <message>
        <source>Give the new member&apos;s role with --role.</source>
        <translation>请使用 --role 指定新工作人员的角色。</translation>
    </message>
    <message>
        <source>Unknown role &apos;%1&apos;: use clerk, reviewer, supervisor, auditor or administrator.</source>
        <translation>未知角色“%1”：请使用 clerk、reviewer、supervisor、auditor 或 administrator。</translation>
    </message>
    <message>
        <source>active</source>
        <translation>有效</translation>
    </message>
    <message>
        <source>no key slot</source>
        <translation>无密钥槽</translation>
    </message>
    <message>
        <source>removed</source>
        <translation>已移除</translation>
    </message>
    <message>
        <source>Added %1 as %2.</source>
        <translation>已添加 %1，角色：%2。</translation>
    </message>
    <message>
        <source>Changed the password of %1.</source>
        <translation>已更改 %1 的密码。</translation>
    </message>
    <message>
        <source>Removed %1. The database key was not rotated: run &apos;xmcredit-admin rekey&apos; soon.</source>
        <translation>已移除 %1。数据库密钥尚未更换：请尽快运行“xmcredit-admin rekey”。</translation>
    </message>
    <message>
        <source>Removed %1 and rotated the database key.</source>
        <translation>已移除 %1，并已更换数据库密钥。</translation>
    </message>
    <message>
        <source>Rotates the database key: a new random key is sealed to every staff slot and the database is rewritten under it. The old key stops working; every member of staff keeps their password. No other program may have the workstation open. Standard input: ADMIN&apos;s password.</source>
        <translation>更换数据库密钥：生成新的随机密钥并封装到每位工作人员的密钥槽中，然后用新密钥重写数据库。旧密钥随即失效；每位工作人员的密码保持不变。执行期间不得有其他程序打开该工作站。标准输入：ADMIN 的密码。</translation>
    </message>
    <message>
        <source>Rotated the database key (key generation %1).</source>
        <translation>已更换数据库密钥（第 %1 代密钥）。</translation>
    </message>
    <message>
        <source>verify</source>
        <translation>verify</translation>
    </message>
    <message>
        <source>Unknown audit command &apos;%1&apos;: use verify.</source>
        <translation>未知的 audit 命令“%1”：请使用 verify。</translation>
    </message>
    <message>
        <source>Demo logins for the workstation in %1:</source>
        <translation>%1 中工作站的演示登录账号：</translation>
    </message>
    <message>
        <source>password: %1</source>
        <translation>密码：%1</translation>
    </message>
    <message>
        <source>Creates a demo workstation with one login per role and the documented demo passwords (see demo-logins). Never use it for real data.</source>
        <translation>创建演示工作站，每个角色一个登录账号，使用文档中公布的演示密码（参见 demo-logins）。切勿用于真实数据。</translation>
    </message>
    <message>
        <source>Demo workstation</source>
        <translation>演示工作站</translation>
    </message>
    <message>
        <source>Created the demo workstation in %1.</source>
        <translation>已在 %1 中创建演示工作站。</translation>
    </message>
    <message>
        <source>Prints the logins of a demo workstation made by demo-init.</source>
        <translation>输出由 demo-init 创建的演示工作站的登录账号。</translation>
    </message>
    <message>
        <source>The workstation in %1 is not a demo workstation: it has no demo logins.</source>
        <translation>%1 中的工作站不是演示工作站：没有演示登录账号。</translation>
    </message>
    <message>
        <source>Create a workstation</source>
        <translation>创建工作站</translation>
    </message>
    <message>
        <source>Add, remove, list staff; change passwords</source>
        <translation>添加、移除、列出工作人员；更改密码</translation>
    </message>
    <message>
        <source>Rotate the database key</source>
        <translation>更换数据库密钥</translation>
    </message>
    <message>
        <source>Verify the audit trail&apos;s hash chain</source>
        <translation>校验审计日志的哈希链</translation>
    </message>
    <message>
        <source>Create the demo workstation</source>
        <translation>创建演示工作站</translation>
    </message>
    <message>
        <source>Print the demo workstation&apos;s logins</source>
        <translation>输出演示工作站的登录账号</translation>
    </message>
    <message>
        <source>Validate a resident ID number or unified social credit code</source>
        <translation>校验居民身份证号码或统一社会信用代码</translation>
    </message>
    <message>
        <source>Working-day arithmetic (add, between, is)</source>
        <translation>工作日计算（add、between、is）</translation>
    </message>
    <message>
        <source>Disclosure period and status of an item</source>
        <translation>信用信息的公示期和状态</translation>
    </message>
    <message>
        <source>Credit repair eligibility of an item</source>
        <translation>信用信息的信用修复条件</translation>
    </message>
    <message>
        <source>Whether an attribute or item may be collected</source>
        <translation>某项属性或信息能否归集</translation>
    </message>
    <message>
        <source>Social credit warnings from key attention listings</source>
        <translation>由重点关注名单引发的社会信用预警</translation>
    </message>
    <message>
        <source>Fill a demo workstation with a generated city</source>
        <translation>为演示工作站填充生成的城市</translation>
    </message>
    <message>
        <source>Warning: XMCREDIT_KDF_FAST is set in this test build, so the passwords written now are protected by the cheapest key derivation and are easy to guess from a copy of the key vault. Never use this workstation for real data.</source>
        <translation>警告：此测试版本设置了 XMCREDIT_KDF_FAST，现在写入的密码仅受最低强度的密钥派生保护，从密钥库的副本即可轻易猜出。切勿将此工作站用于真实数据。</translation>
    </message>
    <message>
        <source>check takes no arguments.</source>
        <translation>check 命令不接受参数。</translation>
    </message>
    <message>
        <source>Check the database, staff list and audit trail for damage and tampering</source>
        <translation>检查数据库、工作人员名单和审计日志是否损坏或被篡改</translation>
    </message>
    <message>
        <source>Audit trail commands.
  audit verify --user NAME --password-stdin [--json]
      checks the hash chain and each entry&apos;s signature; exits 0 when it is intact, 13 when it is broken (the
      message names the first broken entry) or the database failed the login&apos;s integrity check (an auditor
      is then let in read-only), 14 when the database is older than the key vault.
      Standard input: NAME&apos;s password. NAME needs the auditor or administrator role.</source>
        <translation>审计日志命令。
  audit verify --user NAME --password-stdin [--json]
      校验哈希链及每条记录的签名；完整时退出码为 0；链断裂（消息指明第一条断裂的记录）
      或数据库未通过登录时的完整性检查（此时审计员以只读方式登录）时为 13；数据库比密钥库旧时为 14。
      标准输入：NAME 的密码。NAME 须具有审计员或管理员角色。</translation>
    </message>
    <message>
        <source>Take in and move repair and objection cases</source>
        <translation>受理和办理信用修复及异议案件</translation>
    </message>
    <message>
        <source>Fill a demo workstation&apos;s case queues</source>
        <translation>为演示工作站填充案件队列</translation>
    </message>
    <message>
        <source>Issue, reprint and verify credit reports</source>
        <translation>出具、补打和核验信用报告</translation>
    </message>
    <message>
        <source>Find subjects (audited)</source>
        <translation>查询信用主体（记入审计）</translation>
    </message>
    <message>
        <source>Digest of the platform&apos;s records held here</source>
        <translation>本工作站所存平台数据的摘要</translation>
    </message>
    <message>
        <source>Enrol the workstation with the credit platform</source>
        <translation>将工作站登记到信用平台</translation>
    </message>
    <message>
        <source>Checks the workstation&apos;s integrity: every page of the database (SQLite&apos;s integrity_check, which also checks
each page&apos;s authentication code), the administrators&apos; signatures on the staff list, the whole audit chain
with each entry&apos;s signature and the recorded head, and the audit entry the key vault anchors.
  check --user NAME --password-stdin [--json]
Exits 0 when everything holds, 5 when the file is damaged, 13 when something was changed outside the
program, 14 when the database is older than the key vault. NAME needs the auditor or administrator role;
an auditor can run it on a database that fails the login&apos;s checks. It also recomputes every case&apos;s stored
clocks from the case&apos;s events (exit 13 when one differs). It reads the whole file: minutes on a
city-scale database.</source>
        <translation>检查工作站的完整性：数据库的每一页（SQLite 的 integrity_check，同时校验每页的认证码）、工作人员名单上的
管理员签名、整条审计哈希链及每条记录的签名和记录的链头，以及密钥库锚定的审计记录。
  check --user NAME --password-stdin [--json]
全部通过时退出码为 0；文件损坏时为 5；有内容在本程序之外被修改时为 13；数据库比密钥库旧时为 14。
NAME 须具有审计员或管理员角色；数据库未通过登录检查时，审计员仍可运行本命令。本命令还会根据每件案件的
流程记录重新计算其存储的时限（有不符时退出码为 13）。需要读取整个文件：城市规模的数据库需数分钟。</translation>
    </message>
    <message>
        <source> (and %1 more)</source>
        <translation>（另有 %1 条）</translation>
    </message>
    <message>
        <source>Every case&apos;s stored clocks match its events.</source>
        <translation>每件案件存储的时限均与其流程记录相符。</translation>
    </message>
    <message>
        <source>Apply the platform&apos;s signed records (over HTTPS, or an exchange package)</source>
        <translation>应用平台签名的数据（通过 HTTPS 或交换包）</translation>
    </message>
    <message>
        <source>What waits for the platform, and its conflicts</source>
        <translation>待上报平台的条目及其冲突</translation>
    </message>
</context>
</TS>
