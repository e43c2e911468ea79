import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { IsBoolean, IsInt, IsOptional, IsString, Length, Matches, Max, MaxLength, Min } from 'class-validator';
import { Omittable, IsPlainText } from '../../common/validation';
import { OWN_IMAGE_PATH } from '../product-image';

export const BARCODE = /^\d{8,14}$/;

export class CreateProductDto {
  @ApiProperty({ example: '食用油 5L' })
  @IsString()
  @IsPlainText()
  @Length(1, 40)
  @Matches(/\S/, { message: 'name must not be blank' })
  name!: string;

  @ApiProperty({ example: '粮油' })
  @IsString()
  @IsPlainText()
  @Length(1, 20)
  @Matches(/\S/, { message: 'category must not be blank' })
  category!: string;

  @ApiProperty({ example: 30 })
  @IsInt()
  @Min(1)
  @Max(100000)
  pricePoints!: number;

  @ApiPropertyOptional({ example: 20, description: 'Initial stock (recorded as a stock movement)' })
  @Omittable()
  @IsInt()
  @Min(0)
  @Max(100000)
  stock?: number;

  @ApiPropertyOptional({ example: 2, nullable: true, type: Number, description: 'Units per account per month' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(999)
  monthlyLimit?: number | null;

  @ApiPropertyOptional({ example: 5 })
  @Omittable()
  @IsInt()
  @Min(0)
  @Max(100000)
  lowStockThreshold?: number;

  @ApiPropertyOptional({ example: '/images/products/oil.svg', nullable: true, type: String })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  @Matches(OWN_IMAGE_PATH, {
    message: 'imageUrl must be one of the kiosk’s own pictures, a path such as /images/products/oil.svg',
  })
  imageUrl?: string | null;

  @ApiPropertyOptional({ example: true })
  @Omittable()
  @IsBoolean()
  active?: boolean;

  @ApiPropertyOptional({
    example: '6901234567892',
    nullable: true,
    type: String,
    description: 'The maker’s EAN/UPC barcode: 8 to 14 digits, unique; null clears it',
  })
  @IsOptional()
  @IsString()
  @Matches(BARCODE, { message: 'barcode must be 8 to 14 digits' })
  barcode?: string | null;
}

export class UpdateProductDto extends PartialType(CreateProductDto, { skipNullProperties: false }) {}

export class ProductResponse {
  @ApiProperty({ format: 'uuid', example: '019ac2f0-5c1e-7a3b-9f00-1c2d3e4f5a6b' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() category!: string;
  @ApiProperty() pricePoints!: number;
  @ApiProperty() stock!: number;
  @ApiProperty({ nullable: true, type: String }) imageUrl!: string | null;
  @ApiProperty({ nullable: true, type: Number }) monthlyLimit!: number | null;
  @ApiProperty() lowStockThreshold!: number;
  @ApiProperty() active!: boolean;
  @ApiProperty({ nullable: true, type: String, example: '6901234567892' }) barcode!: string | null;
}
