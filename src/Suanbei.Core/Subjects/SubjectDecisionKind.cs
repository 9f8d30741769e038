namespace Suanbei.Core.Subjects;

public enum SubjectDecisionKind { Submitted = 0, Approved = 1, Returned = 2, ChangeStarted = 3 }
