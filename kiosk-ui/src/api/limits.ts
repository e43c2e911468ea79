// Generated from openapi.json by `npm run api:generate -w kiosk-ui`. Do not edit by hand.

/**
 * The limits the server validates requests with (`@Max`, `@Length`, `@ArrayMaxSize`…), per schema and
 * field, as its OpenAPI document states them: screens take their limits from here, never their own copies.
 */
export const limits = {
  AwardPointsDto: {
    points: { minimum: -1000, maximum: 1000 },
    qr: { minLength: 1, maxLength: 4096 },
    reason: { minLength: 1, maxLength: 200 },
  },
  CheckInDto: { qr: { maxLength: 4096 } },
  CreateEventDto: { name: { minLength: 1, maxLength: 60 }, points: { minimum: 1, maximum: 1000 } },
  CreateProductDto: {
    barcode: { minLength: 8, maxLength: 14 },
    category: { minLength: 1, maxLength: 20 },
    imageUrl: { maxLength: 500 },
    lowStockThreshold: { minimum: 0, maximum: 100000 },
    monthlyLimit: { minimum: 1, maximum: 999 },
    name: { minLength: 1, maxLength: 40 },
    pricePoints: { minimum: 1, maximum: 100000 },
    stock: { minimum: 0, maximum: 100000 },
  },
  CreateRedemptionDto: { items: { minItems: 1, maxItems: 20 } },
  LookupMemberDto: { qr: { maxLength: 4096 } },
  MoveMemberDto: { newHousehold: { minLength: 1, maxLength: 60 } },
  RedemptionItemDto: { quantity: { minimum: 1, maximum: 99 } },
  RegisterMemberDto: { household: { minLength: 1, maxLength: 60 }, name: { minLength: 1, maxLength: 40 } },
  RestockDto: { note: { maxLength: 200 }, quantity: { minimum: 1, maximum: 10000 } },
  RevokeCardDto: { reason: { minLength: 2, maxLength: 200 } },
  StaffCardScanDto: { qr: { maxLength: 4096 } },
  StaffSignInDto: { pin: { minLength: 4, maxLength: 12 }, username: { minLength: 1, maxLength: 40 } },
  StartSessionDto: { qr: { maxLength: 4096 } },
  StockCountDto: { counted: { minimum: 0, maximum: 100000 } },
  StocktakeDto: { counts: { minItems: 1, maxItems: 500 }, note: { maxLength: 200 } },
  UpdateMemberDto: { name: { minLength: 1, maxLength: 40 } },
  UpdateProductDto: {
    barcode: { minLength: 8, maxLength: 14 },
    category: { minLength: 1, maxLength: 20 },
    imageUrl: { maxLength: 500 },
    lowStockThreshold: { minimum: 0, maximum: 100000 },
    monthlyLimit: { minimum: 1, maximum: 999 },
    name: { minLength: 1, maxLength: 40 },
    pricePoints: { minimum: 1, maximum: 100000 },
    stock: { minimum: 0, maximum: 100000 },
  },
  UpdateSettingsDto: {
    minRedeemBalance: { minimum: 0, maximum: 100000 },
    receiptFooter: { maxLength: 80 },
    receiptHeader: { maxLength: 80 },
    residentIdleSeconds: { minimum: 15, maximum: 3600 },
    storeName: { minLength: 1, maxLength: 40 },
  },
  VoidRedemptionDto: { reason: { minLength: 2, maxLength: 200 } },
} as const;
