/**
 * The output contract of the engine (`casus run --json`, the HTTP API), on its own and free of
 * imports so that every client — the CLI, the server, the browser workbench — shares one
 * definition. Field names are snake_case on purpose: they are the stable JSON.
 */
export type TreatyStatus = 'not-signed' | 'signed' | 'in-force' | 'terminated' | 'superseded';
export type PositionStatus = 'not-in-force' | 'not-triggered' | 'triggered' | 'fulfilled' | 'violated' | 'expired';

export interface Explanation {
  text: string;
  because: Explanation[];
}

export interface TreatyState {
  id: string;
  status: TreatyStatus;
  since: string | null;
}

export interface Position {
  id: string;
  treaty: string;
  article: string;
  modality: 'obligation' | 'permission' | 'prohibition';
  bearer: string;
  counterparty: string | null;
  action: string;
  status: PositionStatus;
  since: string | null;
  depends_on_readings: string[];
  explanation: Explanation;
}

export interface EngineOutput {
  as_of: string;
  readings: string[];
  treaties: TreatyState[];
  positions: Position[];
}

/** How a position's status changes when one question's reading is swapped. */
export interface ReadingVariation {
  position: string;
  question: string;
  /** reading id -> status under it (the other readings as chosen) */
  statuses: Record<string, PositionStatus>;
}
