import type { ColumnType } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

/** One row per data key (DEK): the key itself only ever wrapped by a KEK from configuration. See 0002_encryption.sql. */
export type DataKeysTable = {
  id: string;
  kek_id: string;
  wrapped_key: Buffer;
  created_at: Timestamp;
  rotated_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
};

declare module '../db.ts' {
  interface Tables {
    data_keys: DataKeysTable;
  }
}
