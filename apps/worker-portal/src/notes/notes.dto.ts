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
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) caseId!: string;
  @ApiProperty({ minimum: 1, description: '1 for a new note, one more for each edit' }) version!: number;
  @ApiProperty() text!: string;
  @ApiProperty({ format: 'uuid', description: 'Who wrote the first version' }) authorId!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'Who made the current version by editing; null when never edited' })
  editedBy!: string | null;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

export class PrivateNoteListResponse {
  @ApiProperty({ type: [PrivateNoteResponse], description: 'Newest first' }) items!: PrivateNoteResponse[];
}

export class NoteVersionResponse {
  @ApiProperty({ minimum: 1 }) version!: number;
  @ApiProperty() text!: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'The author for version 1, the editor for later versions' })
  writtenBy!: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) writtenAt!: string | null;
}

export class NoteHistoryResponse {
  @ApiProperty({ format: 'uuid' }) noteId!: string;
  @ApiProperty({ format: 'uuid' }) caseId!: string;
  @ApiProperty({ minimum: 1 }) currentVersion!: number;
  @ApiProperty({ type: [NoteVersionResponse], description: 'Every version, newest (current) first' }) versions!: NoteVersionResponse[];
}
