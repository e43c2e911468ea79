import { Body, Controller, Get, Headers, Param, Patch, Post, Put, Req } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiParam, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { CurrentStaff, StaffOnly, staffActor } from '../sessions/auth.guards';
import type { StaffSession } from '../sessions/session.store';
import { CatalogService, toProductResponse } from './catalog.service';
import { CreateProductDto, ProductResponse, UpdateProductDto } from './dto/product.dto';
import { ParseIdPipe } from './parse-id.pipe';
import { declaredImageType, MAX_IMAGE_BYTES, readBody } from './product-image';

const ID_PARAM = { name: 'id', type: String, format: 'uuid' } as const;

@ApiTags('catalog')
@Controller('api')
export class CatalogController {
  constructor(private readonly catalog: CatalogService) {}

  @Get('catalog')
  @ApiOkResponse({ type: [ProductResponse] })
  async list(): Promise<ProductResponse[]> {
    return (await this.catalog.listActive()).map(toProductResponse);
  }

  @Get('products')
  @ApiOkResponse({ type: [ProductResponse], description: 'Every product, also inactive ones, by category then id' })
  @StaffOnly('volunteer', 'admin')
  async listAll(): Promise<ProductResponse[]> {
    return (await this.catalog.listAll()).map(toProductResponse);
  }

  @Get('products/by-barcode/:barcode')
  @ApiOkResponse({ type: ProductResponse })
  @StaffOnly('volunteer', 'admin')
  async byBarcode(@Param('barcode') barcode: string): Promise<ProductResponse> {
    return toProductResponse(await this.catalog.findByBarcode(barcode));
  }

  @Post('products')
  @ApiCreatedResponse({ type: ProductResponse })
  @StaffOnly('admin')
  async create(@Body() body: CreateProductDto, @CurrentStaff() staff: StaffSession): Promise<ProductResponse> {
    return toProductResponse(await this.catalog.create(body, staffActor(staff)));
  }

  @Patch('products/:id')
  @ApiParam(ID_PARAM)
  @ApiOkResponse({ type: ProductResponse })
  @StaffOnly('admin')
  async update(
    @Param('id', ParseIdPipe) id: string,
    @Body() body: UpdateProductDto,
    @CurrentStaff() staff: StaffSession,
  ): Promise<ProductResponse> {
    return toProductResponse(await this.catalog.update(id, body, staffActor(staff)));
  }

  @Put('products/:id/image')
  @ApiParam(ID_PARAM)
  @ApiConsumes('image/png', 'image/jpeg', 'image/webp')
  @ApiBody({
    description: 'The picture itself, at most 8 MiB; stored re-encoded as WebP, fitted into 800×800, without metadata',
    schema: { type: 'string', format: 'binary' },
  })
  @ApiOkResponse({ type: ProductResponse })
  @StaffOnly('admin')
  async uploadImage(
    @Param('id', ParseIdPipe) id: string,
    @Headers('content-type') contentType: string | undefined,
    @Req() request: Request,
    @CurrentStaff() staff: StaffSession,
  ): Promise<ProductResponse> {
    const type = declaredImageType(contentType);
    await this.catalog.requireExists(id);
    const bytes = await readBody(request, MAX_IMAGE_BYTES);
    return toProductResponse(await this.catalog.replaceImage(id, type, bytes, staffActor(staff)));
  }
}
