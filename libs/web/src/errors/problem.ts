/** An RFC 9457 problem details body, with Woonbrug's stable code and field errors. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  code: string;
  detail?: string;
  errors?: Array<{ field: string; code: string; message: string }>;
}
