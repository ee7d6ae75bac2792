import { ApiProperty } from '@nestjs/swagger';
import { MAX_NOTE_LENGTH } from '@woonbrug/notes';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

/** The text of a new note, or the new text of an existing one. */
export class NoteTextDto {
  @ApiProperty({ minLength: 1, maxLength: MAX_NOTE_LENGTH, example: 'Huurder leek vandaag erg vermoeid; volgende week opnieuw langsgaan.', description: 'The note, as the worker wrote it; stored encrypted, never shared' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(MAX_NOTE_LENGTH)
  text!: string;
}

/** A private note (OpenAPI description of the view the API returns). */
export class PrivateNoteResponse {
  @ApiProperty({ format: 'uuid', example: '3fa85f64-5717-4562-b3fc-2c963f66afa6' }) id!: string;
  @ApiProperty({ format: 'uuid', example: '7c9e6679-7425-40de-944b-e07fc1f90ae7' }) caseId!: string;
  @ApiProperty({ minimum: 1, example: 2, description: '1 for a new note, one more for each edit' }) version!: number;
  @ApiProperty({ example: 'Huisbezoek: de huurder vertelt over de schulden (voorbeeld).' }) text!: string;
  @ApiProperty({ format: 'uuid', example: '7c9e6679-7425-40de-944b-e07fc1f90ae7', description: 'Who wrote the first version' }) authorId!: string;
  @ApiProperty({ format: 'date-time', example: '2026-11-20T10:00:00.000Z' }) createdAt!: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String, example: '7c9e6679-7425-40de-944b-e07fc1f90ae7', description: 'Who made the current version by editing; null when never edited' })
  editedBy!: string | null;
  @ApiProperty({ format: 'date-time', example: '2026-11-21T14:30:00.000Z' }) updatedAt!: string;
}

export class PrivateNoteListResponse {
  @ApiProperty({ type: [PrivateNoteResponse], description: 'Newest first' }) items!: PrivateNoteResponse[];
}

export class NoteVersionResponse {
  @ApiProperty({ minimum: 1, example: 2 }) version!: number;
  @ApiProperty({ example: 'Huisbezoek: de huurder vertelt over de schulden (voorbeeld).' }) text!: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String, example: '7c9e6679-7425-40de-944b-e07fc1f90ae7', description: 'The author for version 1, the editor for later versions' })
  writtenBy!: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String, example: '2026-11-21T14:30:00.000Z' }) writtenAt!: string | null;
}

export class NoteHistoryResponse {
  @ApiProperty({ format: 'uuid', example: '3fa85f64-5717-4562-b3fc-2c963f66afa6' }) noteId!: string;
  @ApiProperty({ format: 'uuid', example: '7c9e6679-7425-40de-944b-e07fc1f90ae7' }) caseId!: string;
  @ApiProperty({ minimum: 1, example: 2 }) currentVersion!: number;
  @ApiProperty({ type: [NoteVersionResponse], description: 'Every version, newest (current) first' }) versions!: NoteVersionResponse[];
}
