using System.Text.Json;

namespace Suanbei.Core.Calendar;

/// <summary>The clocks of the filing regime; their lengths and sources live in Data/deadlines.json.</summary>
public enum DeadlineKind
{
    StartOfService,    // 上线服务 → 备案, 10 working days (Art. 24)
    Change,            // 备案信息变更, 10 working days (Art. 24)
    Cancellation,      // 终止服务 → 注销, 20 working days (Art. 24)
    SubjectChange,     // 主体信息变更, 10 working days (Art. 24)
    RegulatorDecision, // 材料齐全 → 网信部门决定, 30 working days (Art. 25)
}
