import { Controller, Get, Header } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Doc } from '../common/api-doc';
import { ExportsService } from './exports.service';

const CSV = 'text/csv; charset=utf-8';

@ApiTags('exports')
@Controller('exports')
export class ExportsController {
  constructor(private readonly exports: ExportsService) {}

  @Get('tools.csv')
  @Header('content-type', CSV)
  @Header('content-disposition', 'attachment; filename="commons-tools.csv"')
  @Doc({ summary: 'The catalogue as CSV (public tools only)', produces: 'text/csv' })
  tools() {
    return this.exports.toolsCsv();
  }

  @Get('adoptions.csv')
  @Header('content-type', CSV)
  @Header('content-disposition', 'attachment; filename="commons-adoptions.csv"')
  @Doc({ summary: 'Adoption as CSV: authority × tool × status × version (public tools only)', produces: 'text/csv' })
  adoptions() {
    return this.exports.adoptionsCsv();
  }

  @Get('ideas.csv')
  @Header('content-type', CSV)
  @Header('content-disposition', 'attachment; filename="commons-ideas.csv"')
  @Doc({ summary: 'Needs and ideas as CSV, with the authorities backing each', produces: 'text/csv' })
  ideas() {
    return this.exports.ideasCsv();
  }
}
