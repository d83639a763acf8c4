/** The dashboard API's shape (server: src/modules/complaints/dashboard.schema.ts). */
export type DashboardCase = {
  id: string;
  number: string;
  subject: string;
  customerName: string;
  queue: string;
  priority: string;
  status: string;
  escalation: string | null;
  assignee: { displayName: string; agentCode: string } | null;
  slaPolicy: string;
  nextDueAt: string | null;
  breached: boolean;
  atRisk: boolean;
};

export type DashboardPoint = {
  start: string;
  casesOpened: number;
  casesWithinSla: number;
  slaAttainment: number | null;
  complaintsDue: number;
  complaintsOnTime: number;
  complaintOnTime: number | null;
};

export type Dashboard = {
  asOf: string;
  generatedAt: string;
  range: { unit: 'day' | 'week'; from: string; to: string };
  escalated: DashboardCase[];
  breached: DashboardCase[];
  atRisk: DashboardCase[];
  complaints: {
    open: number;
    overdue: number;
    byDueDate: Array<{ dueOn: string; count: number }>;
    items: Array<{ id: string; caseId: string; category: string; channel: string; status: string; statusLabel: string; nextClock: 'acknowledgment' | 'response' | 'final'; nextDueOn: string; overdue: boolean }>;
  };
  series: DashboardPoint[];
};
