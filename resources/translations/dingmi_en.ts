<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name />
    <message>
        <location filename="../../dingmi_desktop/ui/dialogs/sign_in.py" line="41" />
        <source>SignInDialog</source>
        <comment>定密桌面</comment>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/dialogs/sign_in.py" line="42" />
        <source>SignInDialog</source>
        <comment>确定退出定密桌面吗？</comment>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/dialogs/sign_in.py" line="46" />
        <source>SignInDialog</source>
        <comment>退出</comment>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/dialogs/sign_in.py" line="47" />
        <source>SignInDialog</source>
        <comment>取消</comment>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>AppController</name>
    <message>
        <location filename="../../dingmi_desktop/ui/controller.py" line="119" />
        <source>正在创建演示数据…</source>
        <translation>Creating demo data…</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/controller.py" line="120" />
        <source>首次打开演示数据：正在创建加密存储并为 7 个演示用户派生密钥，约需数秒。</source>
        <translation>First opening of the demo: creating the encrypted store and deriving keys for 7 demo users; this takes a few seconds.</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/password_flows.py" line="22" />
        <source>这是初始密码或已过期的密码，继续使用前须设置新密码。</source>
        <translation>This is an initial or expired password; set a new one to continue.</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/password_flows.py" line="51" />
        <source>未修改密码，无法登录。</source>
        <translation>Password not changed; cannot sign in.</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/password_flows.py" line="76" />
        <source>密码已修改。</source>
        <translation>Password changed.</translation>
    </message>
</context>
<context>
    <name>ApprovalDialog</name>
    <message>
        <location filename="../../dingmi_desktop/ui/dialogs/approval.py" line="50" />
        <source>批准定密</source>
        <translation>Approve classification</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/dialogs/approval.py" line="54" />
        <source>拟定：{0}　知悉范围：{1}</source>
        <translation>Proposed: {0}   Scope: {1}</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/dialogs/approval.py" line="54" />
        <source>非密</source>
        <translation>not secret</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/dialogs/approval.py" line="58" />
        <source>更正密级、保密期限或知悉范围</source>
        <translation>Correct the level, period or scope</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/dialogs/approval.py" line="61" />
        <source>更正后的值</source>
        <translation>Corrected values</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/dialogs/approval.py" line="70" />
        <source>例如：5年、6个月、2030年12月31日</source>
        <translation>e.g. 5年, 6个月, 2030年12月31日</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/dialogs/approval.py" line="75" />
        <source>密级：</source>
        <translation>Level:</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/dialogs/approval.py" line="76" />
        <source>保密期限：</source>
        <translation>Period:</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/dialogs/approval.py" line="77" />
        <source>知悉范围：</source>
        <translation>Scope of knowers:</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/dialogs/approval.py" line="78" />
        <source>标志：</source>
        <translation>Marking:</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/dialogs/approval.py" line="86" />
        <source>例如：同意按机密级、10年管理</source>
        <translation>e.g. agreed: 机密, 10 years</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/dialogs/approval.py" line="90" />
        <source>审批意见：</source>
        <translation>Approval opinion:</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/dialogs/approval.py" line="91" />
        <source>再次输入密码：</source>
        <translation>Password again:</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/dialogs/approval.py" line="98" />
        <source>批准并签名</source>
        <translation>Approve and sign</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/dialogs/approval.py" line="99" />
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/dialogs/approval.py" line="116" />
        <source>请填写保密期限</source>
        <translation>Enter the period</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/dialogs/approval.py" line="125" />
        <source>（无标志）</source>
        <translation>(no marking)</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/dialogs/approval.py" line="150" />
        <source>请输入密码。</source>
        <translation>Enter the password.</translation>
    </message>
</context>
<context>
    <name>AuditPage</name>
    <message>
        <location filename="../../dingmi_desktop/ui/pages/audit_page.py" line="21" />
        <source>审计日志</source>
        <translation>Audit log</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/pages/audit_page.py" line="26" />
        <source>筛选：用户、操作、对象……</source>
        <translation>Filter: user, action, object…</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/pages/audit_page.py" line="29" />
        <source>全部结果</source>
        <translation>All results</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/pages/audit_page.py" line="34" />
        <source>起始日期（本单位当地日期，含当天）；未填为不限</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/pages/audit_page.py" line="37" />
        <source>截止日期（本单位当地日期，含当天）；未填为不限</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/pages/audit_page.py" line="38" />
        <source>校验日志与签名</source>
        <translation>Verify log and signatures</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/pages/audit_page.py" line="40" />
        <source>导出所显示的记录…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/pages/audit_page.py" line="42" />
        <source>按当前筛选条件导出 CSV，并记入审计日志</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/pages/audit_page.py" line="52" />
        <source>从</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/pages/audit_page.py" line="52" />
        <source>至</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/pages/audit_page.py" line="71" />
        <source>序号</source>
        <translation>Seq.</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/pages/audit_page.py" line="72" />
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/pages/audit_page.py" line="73" />
        <source>用户</source>
        <translation>User</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/pages/audit_page.py" line="74" />
        <source>操作</source>
        <translation>Action</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/pages/audit_page.py" line="75" />
        <source>对象</source>
        <translation>Object</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/pages/audit_page.py" line="76" />
        <source>结果</source>
        <translation>Result</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/pages/audit_page.py" line="77" />
        <source>详情</source>
        <translation>Details</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/pages/audit_page.py" line="118" />
        <source>共 {0} 条记录，显示 {1} 条。</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/pages/audit_page.py" line="121" />
        <source>正在校验……</source>
        <translation>Verifying…</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/pages/audit_page.py" line="126" />
        <source>校验通过：审计链完整，{0} 条记录、{1} 个审批签名均有效。</source>
        <translation>Verified: the audit chain is intact; {0} entries and {1} decision signatures are valid.</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/pages/audit_page.py" line="130" />
        <source>校验发现问题（首个异常记录序号 {0}）：{1}</source>
        <translation>Verification found problems (first bad entry {0}): {1}</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/pages/audit_page.py" line="144" />
        <source>导出审计日志</source>
        <translation>Export audit log</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/pages/audit_page.py" line="144" />
        <source>CSV 文件 (*.csv)</source>
        <translation>CSV files (*.csv)</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/pages/audit_page.py" line="150" />
        <source>已导出所显示的 {0} 条记录到 {1}。</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>BasisBlock</name>
    <message>
        <location filename="../../dingmi_desktop/ui/widgets/basis_block.py" line="33" />
        <source>定密依据</source>
        <translation>Classification basis</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/widgets/basis_block.py" line="41" />
        <source>定密类型：</source>
        <translation>Basis kind:</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/widgets/basis_block.py" line="45" />
        <source>保密事项范围或一览表条目，例如：示例事项范围 第3条</source>
        <translation>Scope list or catalog item, e.g. 示例事项范围 第3条</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/widgets/basis_block.py" line="46" />
        <source>从依据库选择…</source>
        <translation>Choose from catalog…</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/widgets/basis_block.py" line="54" />
        <source>依据条目：</source>
        <translation>Basis item:</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/widgets/basis_block.py" line="59" />
        <source>条目内容：</source>
        <translation>Item text:</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/widgets/basis_block.py" line="60" />
        <source>依据条目规定为长期</source>
        <translation>Basis item prescribes long-term</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/widgets/basis_block.py" line="64" />
        <source>超过法定最长期限时，写明“另有规定”的出处</source>
        <translation>When exceeding the statutory maximum, cite the special rule</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/widgets/basis_block.py" line="70" />
        <source>特别规定：</source>
        <translation>Special rule:</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/widgets/basis_block.py" line="72" />
        <source>派生来源事项</source>
        <translation>Derived from</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/widgets/basis_block.py" line="77" />
        <source>来源文号：</source>
        <translation>Source number:</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/widgets/basis_block.py" line="82" />
        <source>来源密级：</source>
        <translation>Source level:</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/widgets/basis_block.py" line="85" />
        <source>例如：10年、6个月、2030年12月31日、长期</source>
        <translation>e.g. 10年, 6个月, 2030年12月31日, 长期</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/widgets/basis_block.py" line="86" />
        <source>来源期限：</source>
        <translation>Source period:</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/widgets/basis_block.py" line="89" />
        <source>来源知悉范围：</source>
        <translation>Source scope:</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/widgets/basis_block.py" line="94" />
        <source>派生情形：</source>
        <translation>Derivation case:</translation>
    </message>
</context>
<context>
    <name>BasisPicker</name>
    <message>
        <location filename="../../dingmi_desktop/ui/dialogs/basis_picker.py" line="20" />
        <source>选择定密依据</source>
        <translation>Choose the basis</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/dialogs/basis_picker.py" line="25" />
        <source>搜索条目编号或内容</source>
        <translation>Search item number or text</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/dialogs/basis_picker.py" line="29" />
        <source>事项范围</source>
        <translation>Scope list</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/dialogs/basis_picker.py" line="30" />
        <source>一览表</source>
        <translation>List</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/dialogs/basis_picker.py" line="31" />
        <source>条目</source>
        <translation>Item</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/dialogs/basis_picker.py" line="32" />
        <source>内容</source>
        <translation>Text</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/dialogs/basis_picker.py" line="33" />
        <source>密级</source>
        <translation>Level</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/dialogs/basis_picker.py" line="34" />
        <source>期限</source>
        <translation>Period</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/dialogs/basis_picker.py" line="40" />
        <source>（示例）</source>
        <translation> (sample)</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/dialogs/basis_picker.py" line="58" />
        <source>依据库为空，请联系安全保密管理员导入保密事项范围或一览表。</source>
        <translation>The catalog is empty; ask the security administrator to import a scope list.</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/dialogs/basis_picker.py" line="60" />
        <source>选用</source>
        <translation>Use</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/dialogs/basis_picker.py" line="61" />
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>CalendarPage</name>
    <message>
        <location filename="../../dingmi_desktop/ui/pages/calendar_page.py" line="22" />
        <source>工作日历</source>
        <translation>Working-day calendar</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/pages/calendar_page.py" line="26" />
        <source>不明事项的上报期限和答复期限按工作日计算（条例第二十五条）：星期六、星期日和登记的节假日不计，登记的调休上班日照常计算。修改后新计算的期限即按新日历；已上报事项的期限不变。</source>
        <translation>Reporting and reply deadlines of unclear matters count working days (Regulations, Art. 25): Saturdays, Sundays and registered holidays do not count; registered make-up working days do. Deadlines computed after a change use the new calendar; those of matters already reported stay as they were.</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/pages/calendar_page.py" line="36" />
        <source>登记日期…</source>
        <translation>Register dates…</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/pages/calendar_page.py" line="39" />
        <source>删除所选日期</source>
        <translation>Delete selected date</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/pages/calendar_page.py" line="41" />
        <source>年份：</source>
        <translation>Year:</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/pages/calendar_page.py" line="48" />
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/pages/calendar_page.py" line="48" />
        <source>星期</source>
        <translation>Weekday</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/pages/calendar_page.py" line="48" />
        <source>类别</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/pages/calendar_page.py" line="48" />
        <source>备注</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/pages/calendar_page.py" line="48" />
        <source>说明</source>
        <translation>Remark</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/pages/calendar_page.py" line="73" />
        <source>全部</source>
        <translation>All</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/pages/calendar_page.py" line="75" />
        <location filename="../../dingmi_desktop/ui/pages/calendar_page.py" line="91" />
        <source>{0}年</source>
        <translation>{0}</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/pages/calendar_page.py" line="87" />
        <source>周末，不影响工作日计数</source>
        <translation>Weekend, does not change the working-day count</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/pages/calendar_page.py" line="91" />
        <source>全部年份</source>
        <translation>All years</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/pages/calendar_page.py" line="94" />
        <source>{0}：节假日 {1} 天，调休上班 {2} 天。</source>
        <translation>{0}: {1} holiday(s), {2} make-up working day(s).</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/pages/calendar_page.py" line="100" />
        <source>{0}没有登记的节假日或调休上班日，只按星期六、星期日休息计算。</source>
        <translation>{0} has no registered holidays or make-up working days; only Saturdays and Sundays are days off.</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/pages/calendar_page.py" line="108" />
        <source>请选择日期</source>
        <translation>Choose a date</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/pages/calendar_page.py" line="110" />
        <source>结束日期不能早于开始日期</source>
        <translation>The end date cannot be before the start date</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/pages/calendar_page.py" line="115" />
        <source>登记节假日或调休上班日</source>
        <translation>Register holidays or make-up working days</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/pages/calendar_page.py" line="117" />
        <source>日期：</source>
        <translation>Date:</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/pages/calendar_page.py" line="118" />
        <source>至（连续多天时）：</source>
        <translation>To (for several days):</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/pages/calendar_page.py" line="119" />
        <source>类别：</source>
        <translation>Kind:</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/pages/calendar_page.py" line="120" />
        <source>备注（如 国庆节）：</source>
        <translation>Note (e.g. National Day):</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/pages/calendar_page.py" line="124" />
        <source>节假日可按国务院通知的放假起止日期整段登记（其中的周末不影响计数）；调休上班日须为星期六或星期日。同一日期不能既是节假日又是调休上班日。</source>
        <translation>Holidays may be registered as the whole period published by the State Council (weekends inside it change no count); a make-up working day must be a Saturday or Sunday. A date cannot be both a holiday and a make-up working day.</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/pages/calendar_page.py" line="133" />
        <source>请选择日期。</source>
        <translation>Please choose a date.</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/pages/calendar_page.py" line="142" />
        <source>已登记 {0} 天为{1}，并记入审计日志。</source>
        <translation>Registered {0} day(s) as {1}; recorded in the audit log.</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/pages/calendar_page.py" line="151" />
        <source>请先在列表中选择要删除的日期。</source>
        <translation>Select the date to delete in the list first.</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/pages/calendar_page.py" line="153" />
        <source>从工作日历中删除 {0}（{1}{2}）吗？</source>
        <translation>Delete {0} ({1}{2}) from the working-day calendar?</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/pages/calendar_page.py" line="156" />
        <source>删除日期</source>
        <translation>Delete date</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/pages/calendar_page.py" line="162" />
        <source>已删除 {0}，并记入审计日志。</source>
        <translation>Deleted {0}; recorded in the audit log.</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/pages/calendar_page.py" line="175" />
        <location filename="../../dingmi_desktop/ui/pages/calendar_page.py" line="177" />
        <source>未保存：{0}</source>
        <translation>Not saved: {0}</translation>
    </message>
</context>
<context>
    <name>CapsLockHint</name>
    <message>
        <location filename="../../dingmi_desktop/ui/widgets/password_edit.py" line="105" />
        <source>大写锁定已打开</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>ChangePasswordDialog</name>
    <message>
        <location filename="../../dingmi_desktop/ui/dialogs/change_password.py" line="45" />
        <location filename="../../dingmi_desktop/ui/dialogs/change_password.py" line="81" />
        <source>修改密码</source>
        <translation>Change password</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/dialogs/change_password.py" line="50" />
        <source>请为 {0} 设置新密码。</source>
        <translation>Set a new password for {0}.</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/dialogs/change_password.py" line="64" />
        <source>当前密码：</source>
        <translation>Current password:</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/dialogs/change_password.py" line="67" />
        <source>新密码：</source>
        <translation>New password:</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/dialogs/change_password.py" line="68" />
        <source>再次输入：</source>
        <translation>Repeat:</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/dialogs/change_password.py" line="77" />
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/dialogs/change_password.py" line="137" />
        <source>请输入当前密码。</source>
        <translation>Enter the current password.</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/dialogs/change_password.py" line="140" />
        <source>两次输入的新密码不一致。</source>
        <translation>The two new passwords differ.</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/dialogs/change_password.py" line="144" />
        <source>新密码不符合安全策略：</source>
        <translation>The new password breaks the policy: </translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/dialogs/change_password.py" line="147" />
        <source>新密码不能与当前密码相同。</source>
        <translation>The new password must differ from the current one.</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/dialogs/change_password.py" line="162" />
        <source>正在更新密钥，请稍候…</source>
        <translation>Updating the key…</translation>
    </message>
</context>
<context>
    <name>ClassificationBlock</name>
    <message>
        <location filename="../../dingmi_desktop/ui/widgets/classification_block.py" line="51" />
        <source>定密信息</source>
        <translation>Classification</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/widgets/classification_block.py" line="57" />
        <source>密级标志：</source>
        <translation>Marking:</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/widgets/classification_block.py" line="64" />
        <source>拟定密级：</source>
        <translation>Proposed level:</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/widgets/classification_block.py" line="69" />
        <source>年</source>
        <translation>years</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/widgets/classification_block.py" line="70" />
        <source>个月（不足1年）</source>
        <translation>months (under 1 year)</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/widgets/classification_block.py" line="71" />
        <source>解密时间</source>
        <translation>until date</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/widgets/classification_block.py" line="72" />
        <source>解密条件</source>
        <translation>until condition</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/widgets/classification_block.py" line="73" />
        <source>长期</source>
        <translation>long-term</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/widgets/classification_block.py" line="79" />
        <source>请选择</source>
        <translation>Choose</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/widgets/classification_block.py" line="86" />
        <source> 年</source>
        <translation> years</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/widgets/classification_block.py" line="91" />
        <source> 个月</source>
        <translation> months</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/widgets/classification_block.py" line="96" />
        <source>例如：项目验收后</source>
        <translation>e.g. after project acceptance</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/widgets/classification_block.py" line="103" />
        <source>（依据条目规定为长期）</source>
        <translation>(long-term per the basis item)</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/widgets/classification_block.py" line="104" />
        <source>（请选择保密期限的形式）</source>
        <translation>(choose how the period is given)</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/widgets/classification_block.py" line="112" />
        <source>保密期限：</source>
        <translation>Period:</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/widgets/classification_block.py" line="124" />
        <source>解密日：</source>
        <translation>Declassified on:</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/widgets/classification_block.py" line="126" />
        <source>制发日：</source>
        <translation>Issue date:</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/widgets/classification_block.py" line="130" />
        <source>例如：本单位领导班子成员及项目组</source>
        <translation>e.g. unit leadership and the project team</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/widgets/classification_block.py" line="131" />
        <source>知悉范围：</source>
        <translation>Scope of knowers:</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/widgets/classification_block.py" line="133" />
        <source>知悉人员：</source>
        <translation>Knowers:</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/widgets/classification_block.py" line="138" />
        <source>可选</source>
        <translation>optional</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/widgets/classification_block.py" line="139" />
        <source>密点：</source>
        <translation>Secret points:</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/widgets/classification_block.py" line="277" />
        <source>绝密级、机密级须列明知悉人员（必填）</source>
        <translation>Required for 绝密 (top secret) and 机密 (secret): list the knowers</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/widgets/classification_block.py" line="280" />
        <source>必填：输入姓名后按回车添加</source>
        <translation>Required: type a name and press Enter</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/widgets/classification_block.py" line="280" />
        <source>输入姓名后按回车添加</source>
        <translation>Type a name and press Enter</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/widgets/classification_block.py" line="283" />
        <source>非密（无标志）</source>
        <translation>Not secret (no marking)</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/widgets/classification_block.py" line="291" />
        <source>（需人工确认解密）</source>
        <translation>(declassification needs confirmation)</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/widgets/classification_block.py" line="293" />
        <source>（填写制发日后自动计算）</source>
        <translation>(computed from the issue date)</translation>
    </message>
</context>
<context>
    <name>CountCard</name>
    <message>
        <location filename="../../dingmi_desktop/ui/pages/home_page.py" line="35" />
        <source>查看</source>
        <translation>Show</translation>
    </message>
</context>
<context>
    <name>DecisionNote</name>
    <message>
        <location filename="../../dingmi_desktop/ui/widgets/decision_notes.py" line="54" />
        <source>{0}（{1}）· {2}</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>DocumentBlock</name>
    <message>
        <location filename="../../dingmi_desktop/ui/widgets/document_block.py" line="49" />
        <source>文件信息</source>
        <translation>Document</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/widgets/document_block.py" line="49" />
        <source>事项信息</source>
        <translation>Item</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/widgets/document_block.py" line="58" />
        <source>标题：</source>
        <translation>Title:</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/widgets/document_block.py" line="58" />
        <source>事项名称：</source>
        <translation>Item name:</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/widgets/document_block.py" line="61" />
        <source>例如：示〔2026〕12号</source>
        <translation>e.g. 示〔2026〕12号</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/widgets/document_block.py" line="62" />
        <source>发文字号：</source>
        <translation>Document number:</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/widgets/document_block.py" line="62" />
        <source>文号：</source>
        <translation>Number:</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/widgets/document_block.py" line="65" />
        <source>拟稿单位：</source>
        <translation>Drafting office:</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/widgets/document_block.py" line="65" />
        <source>产生部门：</source>
        <translation>Originating department:</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/widgets/document_block.py" line="68" />
        <source>例如：请示、通知、报告</source>
        <translation>e.g. request, notice, report</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/widgets/document_block.py" line="69" />
        <source>（无）</source>
        <translation>(none)</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/widgets/document_block.py" line="70" />
        <location filename="../../dingmi_desktop/ui/widgets/document_block.py" line="77" />
        <location filename="../../dingmi_desktop/ui/widgets/document_block.py" line="78" />
        <source>（未填）</source>
        <translation>(not set)</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/widgets/document_block.py" line="79" />
        <source>档案保管期限（不是保密期限）：永久、定期30年或定期10年</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/widgets/document_block.py" line="83" />
        <source>未填</source>
        <translation>not set</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/widgets/document_block.py" line="85" />
        <source>文种：</source>
        <translation>Document type:</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/widgets/document_block.py" line="86" />
        <source>紧急程度：</source>
        <translation>Urgency:</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/widgets/document_block.py" line="87" />
        <source>公开属性：</source>
        <translation>Publicity:</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/widgets/document_block.py" line="88" />
        <source>主送：</source>
        <translation>Main recipients:</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/widgets/document_block.py" line="89" />
        <source>抄送：</source>
        <translation>Copies to:</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/widgets/document_block.py" line="90" />
        <source>附件：</source>
        <translation>Attachments:</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/widgets/document_block.py" line="91" />
        <source>印制份数：</source>
        <translation>Copies to print:</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/widgets/document_block.py" line="93" />
        <source>载体形式：</source>
        <translation>Carrier:</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/widgets/document_block.py" line="94" />
        <source>份数：</source>
        <translation>Copies:</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/widgets/document_block.py" line="95" />
        <source>保管期限：</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>DraftingBlock</name>
    <message>
        <location filename="../../dingmi_desktop/ui/widgets/document_block.py" line="156" />
        <source>拟稿与承办人意见</source>
        <translation>Drafting and drafter's proposal</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/widgets/document_block.py" line="163" />
        <source>拟稿人：</source>
        <translation>Drafted by:</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/widgets/document_block.py" line="163" />
        <source>承办人：</source>
        <translation>Drafter:</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/widgets/document_block.py" line="167" />
        <source>拟稿日期：</source>
        <translation>Drafted on:</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/widgets/document_block.py" line="170" />
        <source>联系电话：</source>
        <translation>Phone:</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/widgets/document_block.py" line="176" />
        <source>校对：</source>
        <translation>Proofread by:</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/widgets/document_block.py" line="177" />
        <source>封发日期：</source>
        <translation>Sealed on:</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/widgets/document_block.py" line="182" />
        <source>例如：建议定为机密级，保密期限10年</source>
        <translation>e.g. propose 机密, 10 years</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/widgets/document_block.py" line="183" />
        <source>承办人定密意见：</source>
        <translation>Drafter's proposal:</translation>
    </message>
</context>
<context>
    <name>FieldsDialog</name>
    <message>
        <location filename="../../dingmi_desktop/ui/dialogs/fields_dialog.py" line="89" />
        <source>确定</source>
        <translation>OK</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/dialogs/fields_dialog.py" line="90" />
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/dialogs/fields_dialog.py" line="110" />
        <source>请填写{0}</source>
        <translation>Fill in {0}</translation>
    </message>
</context>
<context>
    <name>FirstRunWizard</name>
    <message>
        <location filename="../../dingmi_desktop/ui/dialogs/first_run.py" line="140" />
        <source>首次使用设置</source>
        <translation>First-run setup</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/dialogs/first_run.py" line="143" />
        <source>下一步</source>
        <translation>Next</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/dialogs/first_run.py" line="144" />
        <source>上一步</source>
        <translation>Back</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/dialogs/first_run.py" line="145" />
        <source>创建</source>
        <translation>Create</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/dialogs/first_run.py" line="146" />
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/dialogs/first_run.py" line="190" />
        <source>正在创建加密数据存储并派生密钥，请稍候…</source>
        <translation>Creating the encrypted store and deriving keys…</translation>
    </message>
</context>
<context>
    <name>FormEditor</name>
    <message>
        <location filename="../../dingmi_desktop/ui/widgets/form_editor.py" line="209" />
        <source>拟稿日期</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/widgets/form_editor.py" line="210" />
        <source>封发日期</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/widgets/form_editor.py" line="211" />
        <source>制发日</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/widgets/form_editor.py" line="212" />
        <source>解密时间</source>
        <translation>until date</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/widgets/form_editor.py" line="215" />
        <source>{0}未能识别，请改正</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>FormPage</name>
    <message>
        <location filename="../../dingmi_desktop/ui/pages/form_decisions.py" line="27" />
        <source>再次输入密码：</source>
        <translation>Password again:</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/pages/form_decisions.py" line="43" />
        <source>{0}：表单现为“{1}”。</source>
        <translation>{0}: the form is now “{1}”.</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/pages/form_decisions.py" line="56" />
        <source>未完成：{0}</source>
        <translation>Not done: {0}</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/pages/form_decisions.py" line="65" />
        <location filename="../../dingmi_desktop/ui/pages/form_page.py" line="64" />
        <source>撤回</source>
        <translation>Withdraw</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/pages/form_decisions.py" line="66" />
        <source>撤回后表单回到草稿，可修改后重新提交。确定撤回吗？</source>
        <translation>Withdrawing returns the form to draft for editing and resubmission. Withdraw?</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/pages/form_decisions.py" line="70" />
        <source>已撤回</source>
        <translation>Withdrawn</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/pages/form_decisions.py" line="75" />
        <source>定密审核</source>
        <translation>Classification review</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/pages/form_decisions.py" line="77" />
        <source>审核意见：</source>
        <translation>Review opinion:</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/pages/form_decisions.py" line="82" />
        <source>不同意时须填写审核意见。</source>
        <translation>An opinion is required when you disagree.</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/pages/form_decisions.py" line="91" />
        <source>已审核</source>
        <translation>Reviewed</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/pages/form_decisions.py" line="112" />
        <source>已批准</source>
        <translation>Approved</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/pages/form_decisions.py" line="117" />
        <source>退回表单</source>
        <translation>Return form</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/pages/form_decisions.py" line="119" />
        <source>退回理由：</source>
        <translation>Reason:</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/pages/form_decisions.py" line="126" />
        <source>已退回</source>
        <translation>Returned</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/pages/form_decisions.py" line="132" />
        <source>上报</source>
        <translation>Escalate</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/pages/form_decisions.py" line="136" />
        <source>报送对象：</source>
        <translation>Send to:</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/pages/form_decisions.py" line="142" />
        <source>接收人：</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/pages/form_decisions.py" line="145" />
        <source>上报说明：</source>
        <translation>Explanation:</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/pages/form_decisions.py" line="148" />
        <source>不明事项在拟稿后 10 个工作日内上报；答复期限按工作日历计算。拟定为绝密级的，以及中央国家机关拟定的，报国家保密行政管理部门；其他机密级、秘密级报省级保密行政管理部门（条例第二十五条）。</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/pages/form_decisions.py" line="168" />
        <source>已上报</source>
        <translation>Escalated</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/pages/form_decisions.py" line="173" />
        <source>登记争议</source>
        <translation>Record dispute</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/pages/form_decisions.py" line="176" />
        <source>各方主张的密级（用“、”分隔）：</source>
        <translation>Levels claimed (separated by 、):</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/pages/form_decisions.py" line="178" />
        <source>争议各方：</source>
        <translation>Parties:</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/pages/form_decisions.py" line="179" />
        <source>争议情况：</source>
        <translation>Dispute:</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/pages/form_decisions.py" line="190" />
        <source>主张的密级须为绝密、机密或秘密。</source>
        <translation>Claimed levels must be 绝密, 机密 or 秘密.</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/pages/form_decisions.py" line="203" />
        <source>已登记争议</source>
        <translation>Dispute recorded</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/pages/form_decisions.py" line="208" />
        <source>登记答复</source>
        <translation>Record reply</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/pages/form_decisions.py" line="212" />
        <source>处理结果：</source>
        <translation>Outcome:</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/pages/form_decisions.py" line="218" />
        <source>答复机关（默认为上报对象）：</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/pages/form_decisions.py" line="221" />
        <source>答复文号：</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/pages/form_decisions.py" line="222" />
        <source>答复内容：</source>
        <translation>Reply:</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/pages/form_decisions.py" line="225" />
        <source>登记的是答复机关的决定，不是您本人的决定；表单上以“记录上级决定”打印。</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/pages/form_decisions.py" line="244" />
        <source>已登记答复</source>
        <translation>Reply recorded</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/pages/form_page.py" line="49" />
        <source>← 返回列表</source>
        <translation>← Back to list</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/pages/form_page.py" line="52" />
        <source>新建</source>
        <translation>New</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/pages/form_page.py" line="62" />
        <source>保存 (Ctrl+S)</source>
        <translation>Save (Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/pages/form_page.py" line="63" />
        <source>提交 (Ctrl+Enter)</source>
        <translation>Submit (Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/pages/form_page.py" line="65" />
        <source>审核…</source>
        <translation>Review…</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/pages/form_page.py" line="66" />
        <source>批准…</source>
        <translation>Approve…</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/pages/form_page.py" line="67" />
        <source>退回…</source>
        <translation>Return…</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/pages/form_page.py" line="68" />
        <source>上报…</source>
        <translation>Escalate…</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/pages/form_page.py" line="69" />
        <source>登记争议…</source>
        <translation>Record dispute…</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/pages/form_page.py" line="70" />
        <source>登记答复…</source>
        <translation>Record reply…</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/pages/form_page.py" line="71" />
        <source>预览</source>
        <translation>Preview</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/pages/form_page.py" line="72" />
        <source>打印…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/pages/form_page.py" line="73" />
        <source>复印…</source>
        <translation>Copy…</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/pages/form_page.py" line="74" />
        <source>导出PDF…</source>
        <translation>Export PDF…</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/pages/form_page.py" line="93" />
        <source>表单</source>
        <translation>Form</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/pages/form_page.py" line="94" />
        <source>办理历史</source>
        <translation>History</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/pages/form_page.py" line="131" />
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/pages/form_page.py" line="136" />
        <source>提交</source>
        <translation>Submit</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/pages/form_page.py" line="152" />
        <source>新建（未保存）</source>
        <translation>New (unsaved)</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/pages/form_page.py" line="173" />
        <source>编号 {0} · 第 {1} 版 · 拟稿人 {2}</source>
        <translation>No. {0} · revision {1} · drafted by {2}</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/pages/form_page.py" line="179" />
        <source>办理历史（{0}）</source>
        <translation>History ({0})</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/pages/form_page.py" line="255" />
        <source>正在自动保存…</source>
        <translation>Autosaving…</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/pages/form_page.py" line="255" />
        <source>正在保存…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/pages/form_page.py" line="265" />
        <source>已自动保存（{0}）</source>
        <translation>Autosaved ({0})</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/pages/form_page.py" line="265" />
        <source>已保存（{0}）</source>
        <translation>Saved ({0})</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/pages/form_page.py" line="268" />
        <source>；尚有 {0} 处需完善后才能提交</source>
        <translation>; {0} items to complete before submitting</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/pages/form_page.py" line="271" />
        <source>编号 {0} · 第 {1} 版</source>
        <translation>No. {0} · revision {1}</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/pages/form_page.py" line="289" />
        <source>保存失败：{0}</source>
        <translation>Save failed: {0}</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/pages/form_page.py" line="303" />
        <source>表单尚有 {0} 处问题，请按红色提示修改后再提交。</source>
        <translation>The form has {0} problems; fix the items marked in red, then submit.</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/pages/form_page.py" line="313" />
        <source>已提交</source>
        <translation>Submitted</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/pages/form_printing.py" line="76" />
        <source>正在生成预览…</source>
        <translation>Preparing the preview…</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/pages/form_printing.py" line="81" />
        <location filename="../../dingmi_desktop/ui/pages/form_printing.py" line="91" />
        <source>无法预览：{0}</source>
        <translation>Cannot preview: {0}</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/pages/form_printing.py" line="97" />
        <source>已打开预览。</source>
        <translation>Preview opened.</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/pages/form_printing.py" line="115" />
        <location filename="../../dingmi_desktop/ui/pages/form_printing.py" line="211" />
        <source>未打印：{0}</source>
        <translation>Not printed: {0}</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/pages/form_printing.py" line="121" />
        <source>已印制批准的全部 {0} 份。超出批准份数须经安全保密管理员批准（复印）。现在办理复印吗？</source>
        <translation>All {0} approved copies are printed. More copies need the security administrator's approval (copy). Make a copy now?</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/pages/form_printing.py" line="125" />
        <location filename="../../dingmi_desktop/ui/pages/form_printing.py" line="222" />
        <source>打印</source>
        <translation>Print</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/pages/form_printing.py" line="129" />
        <source>已印制批准的全部 {0} 份，未再打印。</source>
        <translation>All {0} approved copies are printed; nothing more was printed.</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/pages/form_printing.py" line="136" />
        <source>已取消打印。</source>
        <translation>Printing cancelled.</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/pages/form_printing.py" line="140" />
        <source>选择打印机</source>
        <translation>Choose a printer</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/pages/form_printing.py" line="141" />
        <source>已取消打印：未选择打印机，未登记任何份号。</source>
        <translation>Printing cancelled: no printer chosen, no copy number registered.</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/pages/form_printing.py" line="155" />
        <source>未复印：{0}</source>
        <translation>Not copied: {0}</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/pages/form_printing.py" line="161" />
        <source>批准份数内尚有 {0} 份未印制，请用“打印”印制；复印仅用于超出批准份数的份数。</source>
        <translation>{0} approved copies are not printed yet: use “Print”. Copy is only for copies beyond the approved number.</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/pages/form_printing.py" line="172" />
        <source>已取消复印。</source>
        <translation>Copy cancelled.</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/pages/form_printing.py" line="176" />
        <source>选择打印机（复印）</source>
        <translation>Choose a printer (copy)</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/pages/form_printing.py" line="177" />
        <source>已取消复印：未选择打印机，未登记任何份号。</source>
        <translation>Copy cancelled: no printer chosen, no copy number registered.</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/pages/form_printing.py" line="197" />
        <source>未打印，未登记任何份号：{0}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/pages/form_printing.py" line="206" />
        <source>正在登记份号…</source>
        <translation>Registering copy numbers…</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/pages/form_printing.py" line="219" />
        <source>正在送往打印机…</source>
        <translation>Sending to the printer…</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/pages/form_printing.py" line="232" />
        <source>正在送往打印机：第 {0} / {1} 页</source>
        <translation>Sending to the printer: page {0} of {1}</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/pages/form_printing.py" line="239" />
        <source>份号 {0} 已登记，但送往打印机失败：{1}。补印须按复印办理。</source>
        <translation>Copy numbers {0} are registered, but sending them to the printer failed: {1}. Reprinting them is a copy job.</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/pages/form_printing.py" line="250" />
        <source>已{0}：份号 {1}，共 {2} 页，打印机：{3}。</source>
        <translation>{0} done: copy numbers {1}, {2} pages, printer: {3}.</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/pages/form_printing.py" line="261" />
        <source>定密审批单-{0}.pdf</source>
        <translation>classification-sheet-{0}.pdf</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/pages/form_printing.py" line="265" />
        <source>导出PDF</source>
        <translation>Export PDF</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/pages/form_printing.py" line="267" />
        <source>PDF 文件 (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/pages/form_printing.py" line="274" />
        <location filename="../../dingmi_desktop/ui/pages/form_printing.py" line="296" />
        <source>未导出：{0}</source>
        <translation>Not exported: {0}</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/pages/form_printing.py" line="286" />
        <source>已导出：{0}（{1} KB）</source>
        <translation>Exported: {0} ({1} KB)</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/pages/form_printing.py" line="291" />
        <source>正在导出…</source>
        <translation>Exporting…</translation>
    </message>
</context>
<context>
    <name>HistoryEntryCard</name>
    <message>
        <location filename="../../dingmi_desktop/ui/widgets/history_view.py" line="123" />
        <source>已因修改失效</source>
        <translation>Voided by a later edit</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/widgets/history_view.py" line="134" />
        <source>意见：{0}</source>
        <translation>Opinion: {0}</translation>
    </message>
</context>
<context>
    <name>HistoryTimeline</name>
    <message>
        <location filename="../../dingmi_desktop/ui/widgets/history_view.py" line="82" />
        <source>未签名</source>
        <translation>Unsigned</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/widgets/history_view.py" line="84" />
        <source>签名有效</source>
        <translation>Signature valid</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/widgets/history_view.py" line="85" />
        <source>签名无效</source>
        <translation>Signature invalid</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/widgets/history_view.py" line="92" />
        <source>填写：{0}</source>
        <translation>Filled in: {0}</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/widgets/history_view.py" line="97" />
        <source>修改：</source>
        <translation>Changed: </translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/widgets/history_view.py" line="99" />
        <source>；另有 {0} 项</source>
        <translation>; {0} more</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/widgets/history_view.py" line="181" />
        <source>尚无办理记录。</source>
        <translation>No history yet.</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/widgets/history_view.py" line="188" />
        <source>有 {0} 条办理记录的签名无效：记录在本程序之外被改动或冒签。请勿依据这些记录办理，并报安全审计员核查。</source>
        <translation>{0} history entries have an invalid signature: the record was altered outside this program or signed by someone else. Do not act on them; report this to the security auditor.</translation>
    </message>
</context>
<context>
    <name>HomePage</name>
    <message>
        <location filename="../../dingmi_desktop/ui/pages/home_page.py" line="53" />
        <source>首页</source>
        <translation>Home</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/pages/home_page.py" line="71" />
        <source>上报与争议：待答复事项（按答复期限排序）</source>
        <translation>Escalations and disputes awaiting a reply (by reply deadline)</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/pages/home_page.py" line="76" />
        <source>编号</source>
        <translation>No.</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/pages/home_page.py" line="77" />
        <source>事项</source>
        <translation>Item</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/pages/home_page.py" line="78" />
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/pages/home_page.py" line="79" />
        <source>报送对象</source>
        <translation>Sent to</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/pages/home_page.py" line="80" />
        <source>报送日期</source>
        <translation>Sent on</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/pages/home_page.py" line="81" />
        <source>上报期限</source>
        <translation>Report due</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/pages/home_page.py" line="82" />
        <source>答复期限</source>
        <translation>Reply due</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/pages/home_page.py" line="83" />
        <source>是否逾期</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/pages/home_page.py" line="115" />
        <source>逾期上报</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/pages/home_page.py" line="116" />
        <source>已逾期</source>
        <translation>Overdue</translation>
    </message>
<message><source>我的草稿</source><translation>My drafts</translation></message><message><source>退回给我</source><translation>Returned to me</translation></message><message><source>待我审核</source><translation>To review</translation></message><message><source>待我审批</source><translation>To approve</translation></message><message><source>上报待复</source><translation>Escalations pending</translation></message><message><source>已定密</source><translation>Decided</translation></message></context>
<context>
    <name>KnowersList</name>
    <message>
        <location filename="../../dingmi_desktop/ui/widgets/knowers.py" line="28" />
        <source>输入姓名后按回车添加</source>
        <translation>Type a name and press Enter</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/widgets/knowers.py" line="30" />
        <source>添加</source>
        <translation>Add</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/widgets/knowers.py" line="33" />
        <source>移除所选</source>
        <translation>Remove selected</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../dingmi_desktop/ui/main_window.py" line="78" />
        <source>当前账户没有可用的功能，请联系安全保密管理员分配角色。</source>
        <translation>This account has no functions yet; ask the security administrator to assign a role.</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/main_window.py" line="103" />
        <source>会话(&amp;S)</source>
        <translation>&amp;Session</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/main_window.py" line="105" />
        <source>切换用户</source>
        <translation>Switch user</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/main_window.py" line="107" />
        <source>锁定</source>
        <translation>Lock</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/main_window.py" line="109" />
        <source>退出</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/main_window.py" line="112" />
        <source>修改密码…</source>
        <translation>Change password…</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/main_window.py" line="120" />
        <source>表单(&amp;F)</source>
        <translation>&amp;Forms</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/main_window.py" line="123" />
        <source>新建送审签发单</source>
        <translation>New dispatch sheet</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/main_window.py" line="129" />
        <source>新建定密审核单</source>
        <translation>New review sheet</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/main_window.py" line="136" />
        <source>工具(&amp;T)</source>
        <translation>&amp;Tools</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/main_window.py" line="138" />
        <source>核验审批单…</source>
        <translation>Verify a sheet…</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/main_window.py" line="149" />
        <source>（无角色）</source>
        <translation>(no role)</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/main_window.py" line="150" />
        <source>当前用户：{0}（{1}）</source>
        <translation>User: {0} ({1})</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/main_window.py" line="152" />
        <source>角色：{0}</source>
        <translation>Roles: {0}</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/main_window.py" line="155" />
        <location filename="../../dingmi_desktop/ui/main_window.py" line="213" />
        <source>空闲 {0} 分钟后自动锁定 · Ctrl+L 立即锁定</source>
        <translation>Locks after {0} idle minutes · Ctrl+L locks now</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/main_window.py" line="167" />
        <source>正在处理…</source>
        <translation>Working…</translation>
    </message>
</context>
<context>
    <name>MarkingPreview</name>
    <message>
        <location filename="../../dingmi_desktop/ui/widgets/marking_preview.py" line="20" />
        <source>（无标志）</source>
        <translation>(no marking)</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/widgets/marking_preview.py" line="21" />
        <source>密级标志预览：{0}</source>
        <translation>Marking preview: {0}</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/widgets/marking_preview.py" line="21" />
        <source>无</source>
        <translation>none</translation>
    </message>
</context>
<context>
    <name>NumberField</name>
    <message>
        <location filename="../../dingmi_desktop/ui/pages/policy_page.py" line="37" />
        <source>允许范围：{0}–{1}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/pages/policy_page.py" line="49" />
        <source>请填写 {0}–{1} 之间的整数。</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/pages/policy_page.py" line="51" />
        <source>“{0}”不是整数：请只填写数字（{1}–{2}）。</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/pages/policy_page.py" line="53" />
        <source>{0} 超出允许范围：请填写 {1}–{2} 之间的整数。</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>OfficersPage</name>
    <message>
        <location filename="../../dingmi_desktop/ui/pages/officers_page.py" line="39" />
        <source>定密责任人/授权</source>
        <translation>Officers &amp; authority</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/pages/officers_page.py" line="44" />
        <source>筛选用户或角色</source>
        <translation>Filter by user or role</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/pages/officers_page.py" line="45" />
        <source>授予角色…</source>
        <translation>Grant role…</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/pages/officers_page.py" line="47" />
        <source>撤销角色…</source>
        <translation>Revoke role…</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/pages/officers_page.py" line="54" />
        <source>用户名</source>
        <translation>User name</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/pages/officers_page.py" line="54" />
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/pages/officers_page.py" line="54" />
        <source>部门</source>
        <translation>Department</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/pages/officers_page.py" line="54" />
        <source>角色与定密权限</source>
        <translation>Roles and authority</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/pages/officers_page.py" line="70" />
        <source>（未分配）</source>
        <translation>(unassigned)</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/pages/officers_page.py" line="78" />
        <source>请先选择一个用户。</source>
        <translation>Select a user first.</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/pages/officers_page.py" line="82" />
        <source>授予角色：{0}</source>
        <translation>Grant role: {0}</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/pages/officers_page.py" line="84" />
        <location filename="../../dingmi_desktop/ui/pages/officers_page.py" line="124" />
        <source>角色：</source>
        <translation>Role:</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/pages/officers_page.py" line="86" />
        <source>定密责任人类别：</source>
        <translation>Officer kind:</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/pages/officers_page.py" line="90" />
        <source>最高定密权限：</source>
        <translation>Highest level:</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/pages/officers_page.py" line="94" />
        <source>任期至（指定）：</source>
        <translation>Term until (designated):</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/pages/officers_page.py" line="95" />
        <source>培训日期：</source>
        <translation>Trained on:</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/pages/officers_page.py" line="97" />
        <source>类别、权限、任期和培训日期仅对定密责任人有效；三员角色互斥，且不得兼任业务角色。</source>
        <translation>Kind, authority, term and training date apply only to classification officers; the three administrator roles are mutually exclusive and hold no business role.</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/pages/officers_page.py" line="113" />
        <source>已授予 {0} 角色：{1}。</source>
        <translation>Granted {0} the role {1}.</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/pages/officers_page.py" line="119" />
        <source>请先选择一个有角色的用户。</source>
        <translation>Select a user with a role first.</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/pages/officers_page.py" line="123" />
        <source>撤销角色：{0}</source>
        <translation>Revoke role: {0}</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/pages/officers_page.py" line="131" />
        <source>已撤销 {0} 的角色：{1}。</source>
        <translation>Revoked role {1} from {0}.</translation>
    </message>
</context>
<context>
    <name>OptionalDateEdit</name>
    <message>
        <location filename="../../dingmi_desktop/ui/widgets/date_field.py" line="43" />
        <source>未填</source>
        <translation>not set</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/widgets/date_field.py" line="45" />
        <source>可输入 2026-11-30、20261130、2026/11/30 或 2026年11月30日；清空即为未填；Alt+↓ 打开日历</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/widgets/date_field.py" line="49" />
        <source>日历</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/widgets/date_field.py" line="50" />
        <source>从日历选择（Alt+↓）</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>PasswordEdit</name>
    <message>
        <location filename="../../dingmi_desktop/ui/widgets/password_edit.py" line="62" />
        <source>隐藏密码</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/widgets/password_edit.py" line="62" />
        <source>显示密码</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>PolicyPage</name>
    <message>
        <location filename="../../dingmi_desktop/ui/pages/policy_page.py" line="59" />
        <source>安全策略</source>
        <translation>Security policy</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/pages/policy_page.py" line="61" />
        <source>身份鉴别与会话</source>
        <translation>Identification and session</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/pages/policy_page.py" line="79" />
        <source>保存策略</source>
        <translation>Save policy</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/pages/policy_page.py" line="112" />
        <source>未保存：有 {0} 项填写不正确，请按各项下方的提示改正。</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/pages/policy_page.py" line="117" />
        <source>安全策略已保存并记入审计日志。</source>
        <translation>Security policy saved and recorded in the audit log.</translation>
    </message>
<message><source>密码最小长度（位）：</source><translation>Minimum password length:</translation></message><message><source>须包含的字符类别数（小写、大写、数字、符号）：</source><translation>Character classes required (lower, upper, digit, symbol):</translation></message><message><source>密码最长使用期限（天，0 为不过期）：</source><translation>Maximum password age (days, 0 = never):</translation></message><message><source>连续失败多少次后锁定账户：</source><translation>Lock the account after failed attempts:</translation></message><message><source>账户锁定时长（分钟）：</source><translation>Lockout duration (minutes):</translation></message><message><source>空闲多少分钟后锁定会话：</source><translation>Lock the session after idle minutes:</translation></message></context>
<context>
    <name>PreflightPanel</name>
    <message>
        <location filename="../../dingmi_desktop/ui/widgets/preflight_panel.py" line="46" />
        <source>提交前请注意：按当前内容，审批时可能不予批准（{0} 项）</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/widgets/preflight_panel.py" line="48" />
        <source>审批前提示：按表单内容，审批时可能不予批准（{0} 项）</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>PrintRequestDialog</name>
    <message>
        <location filename="../../dingmi_desktop/ui/dialogs/print_request.py" line="147" />
        <source>打印审批单</source>
        <translation>Print the sheet</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/dialogs/print_request.py" line="150" />
        <source>标志：{0}。批准印制 {1} 份，已印制 {2} 份，本次最多可印 {3} 份；每份有自己的份号，并登记入印制台账。</source>
        <translation>Marking: {0}. Approved copies: {1}, printed: {2}; at most {3} now. Every copy gets its own copy number and is entered in the print register.</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/dialogs/print_request.py" line="152" />
        <source>（无）</source>
        <translation>(none)</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/dialogs/print_request.py" line="158" />
        <source> 份</source>
        <translation> copies</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/dialogs/print_request.py" line="159" />
        <source>本次印制份数：</source>
        <translation>Copies to print now:</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/dialogs/print_request.py" line="160" />
        <source>再次输入密码：</source>
        <translation>Password again:</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/dialogs/print_request.py" line="161" />
        <source>点击“打印”后选择打印机；取消选择打印机则不登记、不打印。</source>
        <translation>After “Print”, choose the printer; cancelling there registers and prints nothing.</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/dialogs/print_request.py" line="170" />
        <source>请输入密码。</source>
        <translation>Enter the password.</translation>
    </message>
</context>
<context>
    <name>PrinterChooser</name>
    <message>
        <location filename="../../dingmi_desktop/ui/dialogs/print_request.py" line="265" />
        <source>打印机设置了 {0} 份：每个份号只能印一份。请在打印机设置中把份数改为 1；需要几份，请在“本次印制份数”中填写（每份有自己的份号）。</source>
        <translation>The printer is set to {0} copies: each copy number is printed once. Set the printer's copies to 1; enter the number you need under "Copies to print now" (each copy gets its own number).</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/dialogs/print_request.py" line="290" />
        <source>每个份号印一份；份数已在上一步确定。</source>
        <translation>One copy per copy number; the number of copies was set in the previous step.</translation>
    </message>
</context>
<context>
    <name>QueuePage</name>
    <message>
        <location filename="../../dingmi_desktop/ui/pages/queue_page.py" line="50" />
        <source>显示范围</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/pages/queue_page.py" line="51" />
        <source>全部</source>
        <translation>All</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/pages/queue_page.py" line="59" />
        <source>筛选标题、文号、密级、状态……</source>
        <translation>Filter by title, number, level, status…</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/pages/queue_page.py" line="61" />
        <source>新建送审签发单</source>
        <translation>New dispatch sheet</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/pages/queue_page.py" line="63" />
        <source>新建定密审核单</source>
        <translation>New review sheet</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/pages/queue_page.py" line="68" />
        <source>批量导出PDF…</source>
        <translation>Export PDFs…</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/pages/queue_page.py" line="71" />
        <source>把所选表单的审批单导出到一个文件夹（按住 Ctrl 或 Shift 可多选）</source>
        <translation>Export the approval sheets of the selected forms into one folder (hold Ctrl or Shift to select several)</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/pages/queue_page.py" line="76" />
        <source>打开</source>
        <translation>Open</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/pages/queue_page.py" line="78" />
        <source>刷新</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/pages/queue_page.py" line="85" />
        <source>编号</source>
        <translation>No.</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/pages/queue_page.py" line="86" />
        <source>表单</source>
        <translation>Form</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/pages/queue_page.py" line="87" />
        <source>标题 / 事项名称</source>
        <translation>Title / item</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/pages/queue_page.py" line="88" />
        <source>密级标志</source>
        <translation>Marking</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/pages/queue_page.py" line="89" />
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/pages/queue_page.py" line="90" />
        <source>拟稿人</source>
        <translation>Drafter</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/pages/queue_page.py" line="91" />
        <source>部门</source>
        <translation>Department</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/pages/queue_page.py" line="92" />
        <source>文号</source>
        <translation>Number</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/pages/queue_page.py" line="93" />
        <source>更新时间</source>
        <translation>Updated</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/pages/queue_page.py" line="100" />
        <source>没有待办的表单。</source>
        <translation>Nothing waiting.</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/pages/queue_page.py" line="152" />
        <source>（无）</source>
        <translation>(none)</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/pages/queue_page.py" line="164" />
        <source>登录名：{0}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/pages/queue_page.py" line="167" />
        <source>显示最近 {0} 份；更早的表单请用筛选或登记台账查找。</source>
        <translation>Showing the latest {0}; find older forms with the filter or the register.</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/pages/queue_page.py" line="169" />
        <source>共 {0} 份。</source>
        <translation>{0} forms.</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/pages/queue_page.py" line="177" />
        <source>请先选择一份表单。</source>
        <translation>Select a form first.</translation>
    </message>
</context>
<context>
    <name>ReprintDialog</name>
    <message>
        <location filename="../../dingmi_desktop/ui/dialogs/print_request.py" line="190" />
        <source>复印（超出批准份数）</source>
        <translation>Copy (beyond the approved number)</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/dialogs/print_request.py" line="191" />
        <source>批准并复印</source>
        <translation>Approve and copy</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/dialogs/print_request.py" line="194" />
        <source>标志：{0}。批准印制 {1} 份，已印制 {2} 份。超出批准份数的复印须经安全保密管理员批准：请安全保密管理员在本终端输入用户名和密码。复印件的份号接续已发出的最大份号。</source>
        <translation>Marking: {0}. Approved copies: {1}, printed: {2}. Copies beyond the approved number need the security administrator's approval: they enter their user name and password at this terminal. Copy numbers continue after the highest issued.</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/dialogs/print_request.py" line="196" />
        <source>（无）</source>
        <translation>(none)</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/dialogs/print_request.py" line="202" />
        <source> 份</source>
        <translation> copies</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/dialogs/print_request.py" line="203" />
        <source>复印份数：</source>
        <translation>Copies:</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/dialogs/print_request.py" line="204" />
        <source>本人再次输入密码：</source>
        <translation>Your password again:</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/dialogs/print_request.py" line="207" />
        <source>安全保密管理员的用户名</source>
        <translation>User name of the security administrator</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/dialogs/print_request.py" line="208" />
        <source>批准人用户名：</source>
        <translation>Approver's user name:</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/dialogs/print_request.py" line="209" />
        <source>批准人密码：</source>
        <translation>Approver's password:</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/dialogs/print_request.py" line="214" />
        <source>请输入本人密码。</source>
        <translation>Enter your password.</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/dialogs/print_request.py" line="216" />
        <source>请安全保密管理员输入用户名和密码。</source>
        <translation>The security administrator must enter user name and password.</translation>
    </message>
</context>
<context>
    <name>ReturnedBanner</name>
    <message>
        <location filename="../../dingmi_desktop/ui/widgets/decision_notes.py" line="77" />
        <source>此表单被{0}退回，修改中：重新提交前请核对退回理由</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/widgets/decision_notes.py" line="79" />
        <source>此表单已被{0}退回，请按退回理由修改后重新提交</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/widgets/decision_notes.py" line="84" />
        <source>退回理由：</source>
        <translation>Reason:</translation>
    </message>
</context>
<context>
    <name>ReviewOpinion</name>
    <message>
        <location filename="../../dingmi_desktop/ui/widgets/decision_notes.py" line="98" />
        <source>同意</source>
        <translation>Agree</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/widgets/decision_notes.py" line="98" />
        <source>不同意</source>
        <translation>Disagree</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/widgets/decision_notes.py" line="99" />
        <source>定密审核意见：{0}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/widgets/decision_notes.py" line="99" />
        <source>审核意见：</source>
        <translation>Review opinion:</translation>
    </message>
</context>
<context>
    <name>SheetPreviewDialog</name>
    <message>
        <location filename="../../dingmi_desktop/ui/dialogs/sheet_preview.py" line="59" />
        <source>预览 — {0}</source>
        <translation>Preview — {0}</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/dialogs/sheet_preview.py" line="59" />
        <source>审批单</source>
        <translation>Sheet</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/dialogs/sheet_preview.py" line="64" />
        <source>预览（电子文件，非印制份）· 共 {0} 页</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/dialogs/sheet_preview.py" line="67" />
        <source>缩小</source>
        <translation>Zoom out</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/dialogs/sheet_preview.py" line="69" />
        <source>放大</source>
        <translation>Zoom in</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/dialogs/sheet_preview.py" line="71" />
        <source>适合宽度</source>
        <translation>Fit width</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/dialogs/sheet_preview.py" line="73" />
        <source>关闭</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <location filename="../../dingmi_desktop/ui/dialogs/sign_in.py" line="75" />
        <source>已锁定</source>
        <translation>Locked</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/dialogs/sign_in.py" line="75" />
        <location filename="../../dingmi_desktop/ui/dialogs/sign_in.py" line="130" />
        <location filename="../../dingmi_desktop/ui/dialogs/sign_in.py" line="218" />
        <source>登录</source>
        <translation>Sign in</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/dialogs/sign_in.py" line="90" />
        <source>会话已锁定。{0} 可输入密码解锁，或由其他用户登录。</source>
        <translation>Session locked. {0} may unlock with their password, or another user may sign in.</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/dialogs/sign_in.py" line="106" />
        <source>用户名：</source>
        <translation>User name:</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/dialogs/sign_in.py" line="107" />
        <source>密码：</source>
        <translation>Password:</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/dialogs/sign_in.py" line="121" />
        <source>以其他用户登录</source>
        <translation>Sign in as another user</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/dialogs/sign_in.py" line="125" />
        <source>退出</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/dialogs/sign_in.py" line="130" />
        <source>解锁</source>
        <translation>Unlock</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/dialogs/sign_in.py" line="152" />
        <source>定密桌面</source>
        <translation>Dingmi Desktop</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/dialogs/sign_in.py" line="153" />
        <source>正在打开数据……</source>
        <translation>Opening the store…</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/dialogs/sign_in.py" line="160" />
        <source>定密工作平台（本单位定密权限：{0}）</source>
        <translation>Classification workbench (unit authority: {0})</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/dialogs/sign_in.py" line="162" />
        <source>定密工作平台</source>
        <translation>Classification workbench</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/dialogs/sign_in.py" line="203" />
        <source>请输入用户名。</source>
        <translation>Enter the user name.</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/dialogs/sign_in.py" line="207" />
        <source>请输入密码。</source>
        <translation>Enter the password.</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/dialogs/sign_in.py" line="234" />
        <source>正在验证身份，请稍候…</source>
        <translation>Verifying identity, please wait…</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/dialogs/sign_in.py" line="247" />
        <source>还可尝试 {0} 次，之后账户将锁定 {1} 分钟。</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/dialogs/sign_in.py" line="250" />
        <source>还可尝试 {0} 次。</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>UsersPage</name>
    <message>
        <location filename="../../dingmi_desktop/ui/pages/users_page.py" line="20" />
        <source>用户与角色</source>
        <translation>Users &amp; roles</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/pages/users_page.py" line="25" />
        <source>筛选用户名、姓名、部门或角色</source>
        <translation>Filter by user name, name, department or role</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/pages/users_page.py" line="26" />
        <source>新建用户…</source>
        <translation>New user…</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/pages/users_page.py" line="28" />
        <source>重置密码…</source>
        <translation>Reset password…</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/pages/users_page.py" line="30" />
        <source>停用/启用</source>
        <translation>Disable/enable</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/pages/users_page.py" line="32" />
        <source>解除锁定…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/pages/users_page.py" line="34" />
        <source>解除因连续登录失败而锁定的账户（记入审计日志）</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/pages/users_page.py" line="41" />
        <source>用户名</source>
        <translation>User name</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/pages/users_page.py" line="41" />
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/pages/users_page.py" line="41" />
        <source>部门</source>
        <translation>Department</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/pages/users_page.py" line="41" />
        <source>角色</source>
        <translation>Roles</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/pages/users_page.py" line="41" />
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/pages/users_page.py" line="63" />
        <source>（未分配）</source>
        <translation>(unassigned)</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/pages/users_page.py" line="64" />
        <location filename="../../dingmi_desktop/ui/pages/users_page.py" line="141" />
        <source>启用</source>
        <translation>Enable</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/pages/users_page.py" line="64" />
        <location filename="../../dingmi_desktop/ui/pages/users_page.py" line="141" />
        <source>停用</source>
        <translation>Disable</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/pages/users_page.py" line="67" />
        <source>锁定（至 {0}）</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/pages/users_page.py" line="68" />
        <source>，停用</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/pages/users_page.py" line="85" />
        <source>两次输入的密码不一致</source>
        <translation>The two passwords differ</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/pages/users_page.py" line="91" />
        <source>新建用户</source>
        <translation>New user</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/pages/users_page.py" line="93" />
        <source>用户名：</source>
        <translation>User name:</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/pages/users_page.py" line="94" />
        <source>姓名：</source>
        <translation>Name:</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/pages/users_page.py" line="95" />
        <source>部门：</source>
        <translation>Department:</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/pages/users_page.py" line="96" />
        <source>初始密码：</source>
        <translation>Initial password:</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/pages/users_page.py" line="97" />
        <location filename="../../dingmi_desktop/ui/pages/users_page.py" line="123" />
        <source>再次输入：</source>
        <translation>Repeat:</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/pages/users_page.py" line="100" />
        <source>新用户首次登录时须修改初始密码。角色由安全保密管理员分配。</source>
        <translation>New users change the initial password at first sign-in. Roles are assigned by the security administrator.</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/pages/users_page.py" line="111" />
        <source>已创建用户 {0}。</source>
        <translation>User {0} created.</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/pages/users_page.py" line="116" />
        <location filename="../../dingmi_desktop/ui/pages/users_page.py" line="139" />
        <source>请先选择一个用户。</source>
        <translation>Select a user first.</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/pages/users_page.py" line="120" />
        <source>重置密码：{0}</source>
        <translation>Reset password: {0}</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/pages/users_page.py" line="122" />
        <source>临时密码：</source>
        <translation>Temporary password:</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/pages/users_page.py" line="126" />
        <source>重置后该用户须用临时密码登录并立即修改密码，同时生成新的签名密钥。</source>
        <translation>After a reset the user signs in with the temporary password and must change it at once; a new signing key is generated.</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/pages/users_page.py" line="133" />
        <source>已重置 {0} 的密码。</source>
        <translation>Password of {0} reset.</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/pages/users_page.py" line="142" />
        <source>确定要{0}用户 {1} 吗？</source>
        <translation>{0} user {1}?</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/pages/users_page.py" line="147" />
        <source>已{0}用户 {1}。</source>
        <translation>{0}: user {1}.</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/pages/users_page.py" line="153" />
        <source>请先选择一个状态为“锁定”的用户。</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/pages/users_page.py" line="155" />
        <source>账户 {0} 因连续登录失败被锁定至 {1}。确定现在解除锁定吗？</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/pages/users_page.py" line="158" />
        <source>解除锁定</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/pages/users_page.py" line="163" />
        <source>已解除 {0} 的锁定，并记入审计日志。</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>VerifySheetDialog</name>
    <message>
        <location filename="../../dingmi_desktop/ui/dialogs/verify_sheet.py" line="35" />
        <source>核验审批单</source>
        <translation>Verify a sheet</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/dialogs/verify_sheet.py" line="43" />
        <source>输入或粘贴审批单上印的核验码（形如 DM-12-XXXX-XXXX），核对其与库中已批准的内容和签名是否一致。</source>
        <translation>Type or paste the verification code printed on the sheet (like DM-12-XXXX-XXXX) to check it against the approved content and signatures in the store.</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/dialogs/verify_sheet.py" line="52" />
        <source>DM-表单编号-XXXX-XXXX</source>
        <translation>DM-form number-XXXX-XXXX</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/dialogs/verify_sheet.py" line="54" />
        <source>核验</source>
        <translation>Verify</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/dialogs/verify_sheet.py" line="75" />
        <source>表单编号：</source>
        <translation>Form number:</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/dialogs/verify_sheet.py" line="76" />
        <source>标题 / 事项名称：</source>
        <translation>Title / item:</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/dialogs/verify_sheet.py" line="77" />
        <source>密级标志：</source>
        <translation>Marking:</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/dialogs/verify_sheet.py" line="78" />
        <source>当前状态：</source>
        <translation>Current status:</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/dialogs/verify_sheet.py" line="80" />
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/dialogs/verify_sheet.py" line="92" />
        <source>请输入核验码。</source>
        <translation>Enter the verification code.</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/dialogs/verify_sheet.py" line="98" />
        <source>正在核验…</source>
        <translation>Verifying…</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/dialogs/verify_sheet.py" line="106" />
        <source>✔ 一致：审批单与库中已批准的内容和签名相符。</source>
        <translation>✔ Matches: the sheet agrees with the approved content and signatures in the store.</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/dialogs/verify_sheet.py" line="109" />
        <source>✘ 不一致：{0}</source>
        <translation>✘ Does not match: {0}</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/dialogs/verify_sheet.py" line="118" />
        <source>核验码无法识别：{0}</source>
        <translation>The verification code cannot be read: {0}</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/dialogs/verify_sheet.py" line="142" />
        <source>（无）</source>
        <translation>(none)</translation>
    </message>
</context>
<context>
    <name>_AccountsPage</name>
    <message>
        <location filename="../../dingmi_desktop/ui/dialogs/first_run.py" line="68" />
        <source>三员账户</source>
        <translation>The three administrator accounts</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/dialogs/first_run.py" line="71" />
        <source>系统管理员、安全保密管理员、安全审计员由不同人员担任。请分别设置三个账户的初始密码并交各人；每个账户首次登录时均须修改初始密码。</source>
        <translation>The system administrator, the security administrator and the auditor are three different people. Set an initial password for each account and hand it over; every account must change it at first sign-in.</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/dialogs/first_run.py" line="89" />
        <source>再次输入</source>
        <translation>Repeat</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/dialogs/first_run.py" line="90" />
        <source>{0}（{1}）：</source>
        <translation>{0} ({1}):</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/dialogs/first_run.py" line="106" />
        <source>请设置{0}的密码</source>
        <translation>Set the password of {0}</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/dialogs/first_run.py" line="111" />
        <source>{0}两次输入的密码不一致</source>
        <translation>{0}: the two passwords differ</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/dialogs/first_run.py" line="113" />
        <source>三员账户的密码须互不相同</source>
        <translation>The three administrators need different passwords</translation>
    </message>
</context>
<context>
    <name>_RequestDialog</name>
    <message>
        <location filename="../../dingmi_desktop/ui/dialogs/print_request.py" line="83" />
        <source>印制登记：
{0}</source>
        <translation>Print register:
{0}</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/dialogs/print_request.py" line="83" />
        <source>尚无印制记录。</source>
        <translation>Nothing printed yet.</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/dialogs/print_request.py" line="94" />
        <source>打印</source>
        <translation>Print</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/dialogs/print_request.py" line="95" />
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>_UnitPage</name>
    <message>
        <location filename="../../dingmi_desktop/ui/dialogs/first_run.py" line="41" />
        <source>本单位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/dialogs/first_run.py" line="43" />
        <source>这些信息显示在登录窗口和打印的表单上。定密权限依保密法第十七条由授权确定。</source>
        <translation>This information appears in the sign-in window and on printed forms. The classification authority is set by authorisation under Art. 17 of the Secrecy Law.</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/dialogs/first_run.py" line="48" />
        <source>例如：某某市某某局</source>
        <translation>e.g. the city bureau</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/dialogs/first_run.py" line="53" />
        <source>单位名称：</source>
        <translation>Unit name:</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/dialogs/first_run.py" line="54" />
        <source>本单位定密权限：</source>
        <translation>Unit authority:</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <location filename="../../dingmi_desktop/ui/appearance.py" line="103" />
        <source>定密桌面</source>
        <translation>Dingmi Desktop</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <location filename="../../dingmi_desktop/ui/excepthook.py" line="29" />
        <source>发生了意外错误：{0}</source>
        <translation>An unexpected error occurred: {0}</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/excepthook.py" line="41" />
        <source>错误</source>
        <translation>Error</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/excepthook.py" line="57" />
        <source>定密桌面</source>
        <translation>Dingmi Desktop</translation>
    </message>
</context>
<context>
    <name>file_output</name>
    <message>
        <location filename="../../dingmi_desktop/ui/file_output.py" line="24" />
        <location filename="../../dingmi_desktop/ui/file_output.py" line="46" />
        <source>无法写入文件夹“{0}”：没有写入权限。请另选文件夹。</source>
        <translation>Cannot write to the folder “{0}”: no permission. Choose another folder.</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/file_output.py" line="28" />
        <location filename="../../dingmi_desktop/ui/file_output.py" line="44" />
        <source>文件夹“{0}”不存在。请另选文件夹。</source>
        <translation>The folder “{0}” does not exist. Choose another folder.</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/file_output.py" line="30" />
        <source>磁盘空间不足，文件未保存：{0}</source>
        <translation>The disk is full; the file was not saved: {0}</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/file_output.py" line="32" />
        <location filename="../../dingmi_desktop/ui/file_output.py" line="42" />
        <source>“{0}”是文件夹，请输入文件名。</source>
        <translation>“{0}” is a folder; enter a file name.</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/file_output.py" line="33" />
        <source>无法保存文件“{0}”：{1}</source>
        <translation>Cannot save “{0}”: {1}</translation>
    </message>
</context>
<context>
    <name>navigation</name>
    <message>
        <source>定密台账</source>
        <translation>Register</translation>
    </message>
    <message>
        <source>印制登记</source>
        <translation>Print register</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/navigation.py" line="22" />
        <source>首页</source>
        <translation>Home</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/navigation.py" line="24" />
        <location filename="../../dingmi_desktop/ui/pages/factory.py" line="39" />
        <source>我的拟稿</source>
        <translation>My drafts</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/navigation.py" line="28" />
        <location filename="../../dingmi_desktop/ui/pages/factory.py" line="59" />
        <source>待我审核</source>
        <translation>To review</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/navigation.py" line="34" />
        <location filename="../../dingmi_desktop/ui/pages/factory.py" line="68" />
        <source>待我审批</source>
        <translation>To approve</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/navigation.py" line="38" />
        <location filename="../../dingmi_desktop/ui/pages/factory.py" line="76" />
        <source>已定密</source>
        <translation>Decided</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/navigation.py" line="41" />
        <source>用户与角色</source>
        <translation>Users &amp; roles</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/navigation.py" line="47" />
        <source>安全策略</source>
        <translation>Security policy</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/navigation.py" line="53" />
        <source>定密责任人/授权</source>
        <translation>Officers &amp; authority</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/navigation.py" line="59" />
        <source>工作日历</source>
        <translation>Working-day calendar</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/navigation.py" line="64" />
        <source>审计日志</source>
        <translation>Audit log</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/pages/factory.py" line="44" />
        <source>还没有拟稿。点击“新建送审签发单”或“新建定密审核单”开始。</source>
        <translation>No drafts yet. Click “New dispatch sheet” or “New review sheet” to begin.</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/pages/factory.py" line="51" />
        <source>退回给我</source>
        <translation>Returned to me</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/pages/factory.py" line="81" />
        <source>尚无已定密事项。</source>
        <translation>No decided items yet.</translation>
    </message>
</context>
<context>
    <name>prompts</name>
    <message>
        <location filename="../../dingmi_desktop/ui/dialogs/prompts.py" line="60" />
        <location filename="../../dingmi_desktop/ui/dialogs/prompts.py" line="167" />
        <source>确定</source>
        <translation>OK</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/dialogs/prompts.py" line="61" />
        <location filename="../../dingmi_desktop/ui/dialogs/prompts.py" line="89" />
        <location filename="../../dingmi_desktop/ui/dialogs/prompts.py" line="170" />
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/dialogs/prompts.py" line="83" />
        <source>未保存的修改</source>
        <translation>Unsaved changes</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/dialogs/prompts.py" line="84" />
        <source>表单有未保存的修改。关闭前要保存吗？</source>
        <translation>The form has unsaved changes. Save before closing?</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/dialogs/prompts.py" line="85" />
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/dialogs/prompts.py" line="87" />
        <source>不保存</source>
        <translation>Discard</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/dialogs/prompts.py" line="133" />
        <source>同意</source>
        <translation>Agree</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/dialogs/prompts.py" line="135" />
        <source>不同意</source>
        <translation>Disagree</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/dialogs/prompts.py" line="147" />
        <source>审核结论：</source>
        <translation>Conclusion:</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/dialogs/prompts.py" line="152" />
        <source>意见：</source>
        <translation>Opinion:</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/dialogs/prompts.py" line="157" />
        <source>再次输入密码：</source>
        <translation>Password again:</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/dialogs/prompts.py" line="158" />
        <source>签署前需再次验证身份。</source>
        <translation>Signing needs your password again.</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/dialogs/prompts.py" line="179" />
        <source>请填写意见或理由。</source>
        <translation>Enter an opinion or reason.</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/dialogs/prompts.py" line="183" />
        <source>请输入密码。</source>
        <translation>Enter the password.</translation>
    </message>
</context>
<context>
    <name>sheet_preview</name>
    <message>
        <location filename="../../dingmi_desktop/ui/dialogs/sheet_preview.py" line="30" />
        <source>无法读取审批单内容。</source>
        <translation>Cannot read the sheet.</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/dialogs/sheet_preview.py" line="36" />
        <source>审批单无法显示（PDF 错误：{0}）。</source>
        <translation>The sheet cannot be shown (PDF error: {0}).</translation>
    </message>
</context>
<context>
    <name>sheet_printer</name>
    <message>
        <location filename="../../dingmi_desktop/ui/sheet_printer.py" line="35" />
        <source>系统默认打印机</source>
        <translation>System default printer</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/sheet_printer.py" line="42" />
        <source>本机没有可用的打印机：带份号的印制件只能送往打印机，不能存为未加密的文件。请安装或连接打印机后再打印；如需电子文件，请使用“导出PDF”（不占份号，记入审计日志）。</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/sheet_printer.py" line="48" />
        <source>不能打印到文件：带份号的印制件只能送往打印机，不能存为未加密的文件。如需电子文件，请使用“导出PDF”（不占份号，记入审计日志）。</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/sheet_printer.py" line="76" />
        <source>无法开始打印：打印机“{0}”不可用。</source>
        <translation>Cannot start printing: the printer “{0}” is not available.</translation>
    </message>
    <message>
        <location filename="../../dingmi_desktop/ui/sheet_printer.py" line="85" />
        <source>打印机在第 {0} 页中断。</source>
        <translation>The printer stopped at page {0}.</translation>
    </message>
</context>
<context><name>BatchExport</name><message><source>定密审批单-{0}.pdf</source><translation>classification-sheet-{0}.pdf</translation></message><message><source>请先选择要导出的表单（按住 Ctrl 或 Shift 可多选）。</source><translation>Select the forms to export first (hold Ctrl or Shift to select several).</translation></message><message><source>选择导出文件夹</source><translation>Choose the export folder</translation></message><message><source>以下 {0} 个文件已存在，将被替换：
{1}</source><translation>These {0} files exist and will be replaced:
{1}</translation></message><message><source>已取消批量导出，未导出任何表单。</source><translation>Export cancelled; no form was exported.</translation></message><message><source>正在导出审批单…</source><translation>Exporting approval sheets…</translation></message><message><source>停止</source><translation>Stop</translation></message><message><source>批量导出</source><translation>Export PDFs</translation></message><message><source>正在导出第 {0} / {1} 份：表单 {2}</source><translation>Exporting {0} of {1}: form {2}</translation></message><message><source>表单 {0}：{1}</source><translation>Form {0}: {1}</translation></message><message><source>已导出 {0} 份审批单</source><translation>Exported {0} approval sheet(s)</translation></message><message><source>到“{0}”</source><translation> to “{0}”</translation></message><message><source>已停止，其余 {0} 份未导出。</source><translation> Stopped; the remaining {0} were not exported.</translation></message><message><source>{0} 份未导出，原因见提示。</source><translation> {0} not exported; see the message for why.</translation></message><message><source>以下表单未导出：
{0}</source><translation>These forms were not exported:
{0}</translation></message><message><source>未导出：{0}</source><translation>Not exported: {0}</translation></message></context><context>
    <name>RegisterPage</name>
    <message>
        <source>定密台账</source>
        <translation>Register</translation>
    </message>
    <message>
        <source>检索标题、文号、依据、知悉范围、意见……</source>
        <translation>Search title, document number, basis, scope, opinions…</translation>
    </message>
    <message>
        <source>全部密级</source>
        <translation>All levels</translation>
    </message>
    <message>
        <source>全部状态</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <source>全部部门</source>
        <translation>All departments</translation>
    </message>
    <message>
        <source>全部表单</source>
        <translation>All forms</translation>
    </message>
    <message>
        <source>原始与派生</source>
        <translation>Original and derived</translation>
    </message>
    <message>
        <source>定密年度</source>
        <translation>Year</translation>
    </message>
    <message>
        <source>N 天内解密</source>
        <translation>Declassified within N days</translation>
    </message>
    <message>
        <source>仅逾期上报</source>
        <translation>Overdue escalations only</translation>
    </message>
    <message>
        <source>导出…</source>
        <translation>Export…</translation>
    </message>
    <message>
        <source>打开</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>刷新</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>没有符合条件的事项。</source>
        <translation>No matching items.</translation>
    </message>
    <message>
        <source>共 {0} 项，已载入 {1} 项（滚动到底部载入更多）。</source>
        <translation>{0} items, {1} loaded (scroll to the end to load more).</translation>
    </message>
    <message>
        <source>共 {0} 项。</source>
        <translation>{0} items.</translation>
    </message>
</context>
<context>
    <name>PrintRegisterPage</name>
    <message>
        <source>登记去向…</source>
        <translation>Record fate…</translation>
    </message>
    <message>
        <source>去向</source>
        <translation>Fate</translation>
    </message>
    <message>
        <source>去向记录：</source>
        <translation>Fate: </translation>
    </message>
    <message>
        <source>尚无（全部在库）</source>
        <translation>none (all in hand)</translation>
    </message>
    <message>
        <source>印制登记</source>
        <translation>Print register</translation>
    </message>
    <message>
        <source>打印时间</source>
        <translation>Printed at</translation>
    </message>
    <message>
        <source>编号</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>标题</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>密级标志</source>
        <translation>Marking</translation>
    </message>
    <message>
        <source>类别</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>份号</source>
        <translation>Copy numbers</translation>
    </message>
    <message>
        <source>份数</source>
        <translation>Copies</translation>
    </message>
    <message>
        <source>页数</source>
        <translation>Pages</translation>
    </message>
    <message>
        <source>打印机</source>
        <translation>Printer</translation>
    </message>
    <message>
        <source>打印人</source>
        <translation>Printed by</translation>
    </message>
    <message>
        <source>复印批准人</source>
        <translation>Copy approved by</translation>
    </message>
    <message>
        <source>载入更早的记录</source>
        <translation>Load earlier entries</translation>
    </message>
    <message>
        <source>打开表单</source>
        <translation>Open form</translation>
    </message>
    <message>
        <source>刷新</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>尚无打印记录。</source>
        <translation>Nothing printed yet.</translation>
    </message>
    <message>
        <source>共 {0} 次打印。</source>
        <translation>{0} print jobs.</translation>
    </message>
</context>
<context>
    <name>CopyFateDialog</name>
    <message>
        <source>登记印制件去向</source>
        <translation>Record the fate of printed copies</translation>
    </message>
    <message>
        <source>去向：</source>
        <translation>Fate:</translation>
    </message>
    <message>
        <source>起份号：</source>
        <translation>From copy:</translation>
    </message>
    <message>
        <source>止份号：</source>
        <translation>To copy:</translation>
    </message>
    <message>
        <source>对象：</source>
        <translation>To/from:</translation>
    </message>
    <message>
        <source>监销人：</source>
        <translation>Witness:</translation>
    </message>
    <message>
        <source>日期：</source>
        <translation>Date:</translation>
    </message>
    <message>
        <source>备注：</source>
        <translation>Note:</translation>
    </message>
</context>
</TS>