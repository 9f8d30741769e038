using Suanbei.Core.Calendar;
using Suanbei.Core.Identifiers;

namespace Suanbei.Core.Subjects;

/// <summary>
/// A subject filing (主体备案): the company or individual business behind an account (one subject per account).
/// Status changes are guarded methods; an illegal transition throws <see cref="DomainException"/>.
/// Algorithms may be filed once the subject <see cref="IsApproved"/> (approved at least once — a later change under
/// review does not take that away, as the previously approved data stays valid until the change is decided).
/// </summary>
public sealed class Subject
{
    private readonly List<SubjectDecision> _decisions = [];

    private Subject() { OwnerId = ""; } // for EF

    public Subject(Guid id, string ownerId, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(ownerId)) throw new ArgumentException("owner required", nameof(ownerId));
        Id = id;
        OwnerId = ownerId;
        Status = SubjectStatus.Draft;
        CreatedAt = UpdatedAt = now;
    }

    public Guid Id { get; private set; }
    /// <summary>The account (user id) that files this subject.</summary>
    public string OwnerId { get; private set; }
    public SubjectStatus Status { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public DateTimeOffset? SubmittedAt { get; private set; }
    /// <summary>First approval; stays set through later changes.</summary>
    public DateTimeOffset? ApprovedAt { get; private set; }

    /// <summary>Set while a change of an approved subject is being prepared or reviewed (变更).</summary>
    public DateOnly? ChangeEventDate { get; private set; }
    /// <summary>Legal deadline of the change: 10 working days after the event (DeadlineRules.SubjectChange).</summary>
    public DateOnly? ChangeDueDate { get; private set; }
    /// <summary>True when the due date runs past the official calendars and is only an estimate (weekends only).</summary>
    public bool ChangeDueDateEstimated { get; private set; }

    public string? Name { get; private set; }

    /// <summary>主体名称 as last approved by a reviewer. Public entries show this, so a subject change being prepared or
    /// reviewed (which edits <see cref="Name"/>) is not published before its approval.</summary>
    public string? ApprovedName { get; private set; }

    /// <summary>注册地 code as last approved; filing numbers issued during a subject change use it.</summary>
    public string? ApprovedRegionCode { get; private set; }

    /// <summary>The name the public sees: the approved one, or the current one before any approval.</summary>
    public string? PublicName => ApprovedName ?? Name;
    public string? CreditCode { get; private set; }
    /// <summary>主体类型, derived from the credit code (企业 / 个体工商户 / …).</summary>
    public SubjectKind Kind { get; private set; }
    public string? RegionCode { get; private set; }
    public string? Address { get; private set; }
    public string? Website { get; private set; }
    public long? MonthlyActiveUsers { get; private set; }
    public string? CertificateType { get; private set; }
    public string? CertificateAddress { get; private set; }
    public string? CertificateValidity { get; private set; }
    public string? LegalRepName { get; private set; }
    public string? LegalRepIdType { get; private set; }
    public string? LegalRepIdNumber { get; private set; }
    public string? OfficerName { get; private set; }
    public string? OfficerIdType { get; private set; }
    public string? OfficerIdNumber { get; private set; }
    public string? OfficerMobile { get; private set; }
    public string? OfficerEmail { get; private set; }
    public string? CommitmentSignerName { get; private set; }
    public string? CommitmentSignerIdNumber { get; private set; }
    public string? EmploymentName { get; private set; }
    public string? EmploymentEmployer { get; private set; }
    public string? EmploymentPost { get; private set; }
    public string? EmploymentTenure { get; private set; }
    public Guid? BusinessLicenceScanId { get; private set; }
    public Guid? LegalRepIdScanId { get; private set; }
    public Guid? OfficerIdScanId { get; private set; }
    public Guid? OfficerEmploymentProofId { get; private set; }
    public Guid? OfficerCommitmentId { get; private set; }
    public Guid? FilingCommitmentId { get; private set; }
    public Guid? ResponsibilityReportId { get; private set; }

    /// <summary>Review decisions and submissions, oldest first (kept forever).</summary>
    public IReadOnlyList<SubjectDecision> Decisions => _decisions;

    public bool IsApproved => ApprovedAt is not null;
    public bool IsEditable => Status is SubjectStatus.Draft or SubjectStatus.Returned;
    public bool IsChange => ChangeEventDate is not null;

    /// <summary>The latest return reasons when the subject is 退回补正.</summary>
    public string? ReturnReasons => Status == SubjectStatus.Returned
        ? _decisions.Where(d => d.Kind == SubjectDecisionKind.Returned).OrderBy(d => d.At).LastOrDefault()?.Reasons
        : null;

    public SubjectDetails Details => new()
    {
        Name = Name, CreditCode = CreditCode, RegionCode = RegionCode, Address = Address, Website = Website,
        MonthlyActiveUsers = MonthlyActiveUsers, CertificateType = CertificateType, CertificateAddress = CertificateAddress,
        CertificateValidity = CertificateValidity, LegalRepName = LegalRepName, LegalRepIdType = LegalRepIdType,
        LegalRepIdNumber = LegalRepIdNumber, OfficerName = OfficerName, OfficerIdType = OfficerIdType,
        OfficerIdNumber = OfficerIdNumber, OfficerMobile = OfficerMobile, OfficerEmail = OfficerEmail,
        CommitmentSignerName = CommitmentSignerName, CommitmentSignerIdNumber = CommitmentSignerIdNumber,
        EmploymentName = EmploymentName, EmploymentEmployer = EmploymentEmployer, EmploymentPost = EmploymentPost,
        EmploymentTenure = EmploymentTenure,
        BusinessLicenceScanId = BusinessLicenceScanId, LegalRepIdScanId = LegalRepIdScanId, OfficerIdScanId = OfficerIdScanId,
        OfficerEmploymentProofId = OfficerEmploymentProofId, OfficerCommitmentId = OfficerCommitmentId,
        FilingCommitmentId = FilingCommitmentId, ResponsibilityReportId = ResponsibilityReportId,
    };

    /// <summary>Saves the entered data (partial data is fine for a draft). Only a draft or a returned subject can be edited;
    /// an approved subject must first <see cref="StartChange"/>.</summary>
    public void Update(SubjectDetails d, DateTimeOffset now)
    {
        if (!IsEditable)
            throw new DomainException(Status == SubjectStatus.Approved
                ? "主体备案已通过，修改前请先发起主体变更"
                : $"主体备案状态为“{DisplayNames.Of(Status)}”，不能修改");
        Name = Clean(d.Name); CreditCode = Clean(d.CreditCode)?.ToUpperInvariant();
        Kind = CreditCode is null ? SubjectKind.Unknown : Identifiers.CreditCode.KindOf(CreditCode);
        RegionCode = Clean(d.RegionCode); Address = Clean(d.Address); Website = Clean(d.Website);
        MonthlyActiveUsers = d.MonthlyActiveUsers; CertificateType = Clean(d.CertificateType);
        CertificateAddress = Clean(d.CertificateAddress); CertificateValidity = Clean(d.CertificateValidity);
        LegalRepName = Clean(d.LegalRepName); LegalRepIdType = Clean(d.LegalRepIdType); LegalRepIdNumber =
            Clean(d.LegalRepIdNumber)?.ToUpperInvariant();
        OfficerName = Clean(d.OfficerName); OfficerIdType = Clean(d.OfficerIdType); OfficerIdNumber =
            Clean(d.OfficerIdNumber)?.ToUpperInvariant();
        OfficerMobile = Clean(d.OfficerMobile); OfficerEmail = Clean(d.OfficerEmail);
        CommitmentSignerName = Clean(d.CommitmentSignerName); CommitmentSignerIdNumber =
            Clean(d.CommitmentSignerIdNumber)?.ToUpperInvariant();
        EmploymentName = Clean(d.EmploymentName); EmploymentEmployer = Clean(d.EmploymentEmployer);
        EmploymentPost = Clean(d.EmploymentPost); EmploymentTenure = Clean(d.EmploymentTenure);
        BusinessLicenceScanId = d.BusinessLicenceScanId; LegalRepIdScanId = d.LegalRepIdScanId; OfficerIdScanId = d.OfficerIdScanId;
        OfficerEmploymentProofId = d.OfficerEmploymentProofId; OfficerCommitmentId = d.OfficerCommitmentId;
        FilingCommitmentId = d.FilingCommitmentId; ResponsibilityReportId = d.ResponsibilityReportId;
        UpdatedAt = now;
    }

    /// <summary>Submits for review. Requires complete, well-formed data (<see cref="SubjectValidation"/>) and a subject kind that may
    /// file.</summary>
    public void Submit(string byUserId, DateTimeOffset now)
    {
        if (!IsEditable)
            throw new DomainException($"主体备案状态为“{DisplayNames.Of(Status)}”，不能提交");
        var errors = SubjectValidation.ForSubmission(Details);
        if (errors.Count > 0)
            throw new DomainException("主体备案信息不完整或有误：" + string.Join("；", errors.Values));
        Status = SubjectStatus.Submitted;
        SubmittedAt = UpdatedAt = now;
        _decisions.Add(new SubjectDecision(Guid.NewGuid(), Id, SubjectDecisionKind.Submitted, byUserId, now, null));
    }

    public void Approve(string reviewerId, DateTimeOffset now)
    {
        if (Status != SubjectStatus.Submitted)
            throw new DomainException($"只有待审核的主体备案可以通过（当前状态：{DisplayNames.Of(Status)}）");
        Status = SubjectStatus.Approved;
        ApprovedAt ??= now;
        ApprovedName = Name;
        ApprovedRegionCode = RegionCode;
        ChangeEventDate = null;
        ChangeDueDate = null;
        ChangeDueDateEstimated = false;
        UpdatedAt = now;
        _decisions.Add(new SubjectDecision(Guid.NewGuid(), Id, SubjectDecisionKind.Approved, reviewerId, now, null));
    }

    public void Return(string reviewerId, string reasons, DateTimeOffset now)
    {
        if (Status != SubjectStatus.Submitted)
            throw new DomainException($"只有待审核的主体备案可以退回（当前状态：{DisplayNames.Of(Status)}）");
        if (string.IsNullOrWhiteSpace(reasons))
            throw new DomainException("退回补正必须填写理由");
        Status = SubjectStatus.Returned;
        UpdatedAt = now;
        _decisions.Add(new SubjectDecision(Guid.NewGuid(), Id, SubjectDecisionKind.Returned, reviewerId, now, reasons.Trim()));
    }

    /// <summary>
    /// Starts a change (主体变更) of an approved subject: it becomes editable again and must be re-reviewed; the change is
    /// due 10 working days after <paramref name="eventDate"/> on <paramref name="calendar"/> (DeadlineRules.SubjectChange),
    /// flagged as an estimate when that runs past the official calendars.
    /// </summary>
    public void StartChange(DateOnly eventDate, WorkingCalendar calendar, string byUserId, DateTimeOffset now)
    {
        if (Status != SubjectStatus.Approved)
            throw new DomainException($"只有已通过的主体备案可以发起变更（当前状态：{DisplayNames.Of(Status)}）");
        var due = DeadlineRules.DueDateOrEstimate(DeadlineKind.SubjectChange, eventDate, calendar);
        Status = SubjectStatus.Draft;
        ChangeEventDate = eventDate;
        ChangeDueDate = due.Date;
        ChangeDueDateEstimated = due.Estimated;
        UpdatedAt = now;
        var note = due.Estimated ? "（超出官方工作日历覆盖范围，按周末估算）" : "";
        _decisions.Add(new SubjectDecision(Guid.NewGuid(), Id, SubjectDecisionKind.ChangeStarted, byUserId, now,
            $"变更事项发生日期：{eventDate:yyyy-MM-dd}，应于{due.Date:yyyy-MM-dd}前完成变更{note}"));
    }

    private static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
