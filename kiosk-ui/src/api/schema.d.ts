// Generated from openapi.json by `npm run api:generate -w kiosk-ui`. Do not edit by hand.

export interface paths {
    "/api/accounts/{id}/ledger": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["LedgerController_passbook"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/activities": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["ActivitiesController_list"];
        put?: never;
        post: operations["ActivitiesController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/activities/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch: operations["ActivitiesController_update"];
        trace?: never;
    };
    "/api/audit/actors": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["AuditController_actors"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/audit/changes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["AuditController_changes"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/audit/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["AuditController_verify"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/backups": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["BackupController_overview"];
        put?: never;
        post: operations["BackupController_run"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/backups/files/{name}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["BackupController_download"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cards/{cardNo}/revoke": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["CardsController_revoke"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/catalog": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["CatalogController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["EventsController_list"];
        put?: never;
        post: operations["EventsController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/events/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["EventsController_detail"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/events/{id}/check-ins": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["EventsController_checkIn"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/events/{id}/close": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["EventsController_close"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/exports/awards.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["ExportsController_awards"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/exports/redemptions.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["ExportsController_redemptions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/exports/stock.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["ExportsController_stock"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Whether the kiosk works
         * @description Public; a staff token may be sent. Without one the answer leaves out the printer detail and the backup message: they may name the data directory or the USB stick, which is no business of anyone on the store network.
         */
        get: operations["HealthController_health"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/hub/kiosks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["HubController_kiosks"];
        put?: never;
        /** Create a kiosk of a store and give out its one-time enrolment code */
        post: operations["HubController_createKiosk"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/hub/kiosks/{kioskId}/revoke": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Refuse a kiosk's sync requests from now on */
        post: operations["HubController_revoke"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/hub/overdrafts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Accounts whose merged balance went below zero, with the spends and kiosks involved */
        get: operations["HubController_overdrafts"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/hub/overdrafts/{id}/resolve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Resolve an overdraft: write it off, or leave it for later awards to cover */
        post: operations["HubController_resolve"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/hub/ranking": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A month's ranking of one store, or of the whole district (each row names its store)
         * @description 404 STORE_NOT_FOUND when the hub has no kiosk of the store.
         */
        get: operations["DistrictController_ranking"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/hub/ranking.pdf": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["DistrictController_rankingPdf"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/hub/settlement": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A store's quarterly settlement: goods redeemed and received, awards, voids, totals
         * @description 404 STORE_NOT_FOUND when the hub has no kiosk of the store.
         */
        get: operations["DistrictController_settlement"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/hub/settlement.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["DistrictController_settlementCsv"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/hub/settlement.pdf": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["DistrictController_settlementPdf"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/hub/stores": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The stores the hub has kiosks for */
        get: operations["DistrictController_stores"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/hub/sync/digest": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Compare what the kiosk holds with the hub, per origin */
        post: operations["HubSyncController_digest"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/hub/sync/enrol": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A kiosk binds its device key with a one-time enrolment code */
        post: operations["HubSyncController_enrol"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/hub/sync/origin": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A kiosk restored from a backup goes on under a new id */
        post: operations["HubSyncController_origin"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/hub/sync/pull": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The store's changes after the kiosk's cursor */
        post: operations["HubSyncController_pull"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/hub/sync/push": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A kiosk's journal rows after the hub's acknowledged sequence */
        post: operations["HubSyncController_push"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/hub/usb/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Import a store kiosk's USB export (as a signed push) and answer with the file to take back
         * @description The answer carries the acknowledgement, the store's changes after the kiosk's cursor and the digest, signed by the hub. Refused, changing nothing: USB_FILE_DAMAGED, USB_WRONG_KIND, USB_KIOSK_UNKNOWN, USB_FILE_OLD (409), KIOSK_REVOKED (403), CHAIN_BROKEN (409).
         */
        post: operations["HubController_importUsb"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/inventory/low-stock": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["InventoryController_lowStock"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/inventory/movements": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["InventoryController_movements"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/inventory/restocks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["InventoryController_restock"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/inventory/stocktakes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["InventoryController_stocktake"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/kiosk": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["SettingsController_info"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/members": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["MembersController_list"];
        put?: never;
        post: operations["MembersController_register"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/members/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["MembersController_detail"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch: operations["MembersController_update"];
        trace?: never;
    };
    "/api/members/{id}/card.png": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["MembersController_cardPicture"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/members/{id}/cards": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["MembersController_reissueCard"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/members/{id}/move": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["MembersController_move"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/members/cards/sheet.pdf": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["MembersController_cardSheet"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/members/lookup": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["MembersController_lookup"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/points/awards": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["LedgerController_award"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/printer/jobs/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["PrintingController_job"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/printer/test": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["PrintingController_test"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/products": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["CatalogController_listAll"];
        put?: never;
        post: operations["CatalogController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/products/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch: operations["CatalogController_update"];
        trace?: never;
    };
    "/api/products/{id}/image": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put: operations["CatalogController_uploadImage"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/products/by-barcode/{barcode}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["CatalogController_byBarcode"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/rankings/month": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["RankingsController_month"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/rankings/month.pdf": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["RankingsController_notice"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/redemptions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["RedemptionController_list"];
        put?: never;
        post: operations["RedemptionController_redeem"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/redemptions/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["RedemptionController_find"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/redemptions/{id}/reprint": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["RedemptionController_reprint"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/redemptions/{id}/void": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["RedemptionController_void"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/redemptions/by-receipt/{receiptNo}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["RedemptionController_byReceipt"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/reports/summary": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["ReportsController_summary"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/sessions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["SessionsController_start"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/sessions/current": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["SessionsController_current"];
        put?: never;
        post?: never;
        delete: operations["SessionsController_end"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["StoreSettingsController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch: operations["StoreSettingsController_update"];
        trace?: never;
    };
    "/api/staff": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["StaffPeopleController_list"];
        put?: never;
        post: operations["StaffPeopleController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/staff/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch: operations["StaffPeopleController_update"];
        trace?: never;
    };
    "/api/staff/{id}/card.png": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["StaffPeopleController_card"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/staff/{id}/pin": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["StaffPeopleController_resetPin"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/staff/cards/{username}.png": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["StaffCardsController_picture"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/staff/cards/scans": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["StaffCardsController_holder"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/staff/current/pin": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put: operations["StaffPeopleController_changeOwnPin"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/staff/sessions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["StaffController_signIn"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/staff/sessions/current": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete: operations["StaffController_signOut"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/staff/sign-in-names": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["StaffPeopleController_signInNames"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/sync/hub": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Enrol this kiosk with an enrolment code typed or scanned at the console, then sync
         * @description Only before the kiosk is enrolled (409 ALREADY_ENROLLED). 409 DEMO_DATA_PRESENT on a kiosk holding the demo store: start a kiosk for a hub on an empty DATA_DIR. Answers like POST /api/sync/run.
         */
        put: operations["SyncController_setHub"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/sync/run": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * One sync round now: push, pull, digest
         * @description Answers when the round is done. HUB_UNREACHABLE (503) when the hub cannot be reached; the hub refusing gives 409 with its code (KIOSK_REVOKED, ENROLMENT_CODE_USED, CHAIN_BROKEN …).
         */
        post: operations["SyncController_run"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/sync/status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["SyncController_status"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/sync/usb/enrol": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Enrol without network: a USB file asking the hub to enrol this kiosk with the code
         * @description The file proves the code without carrying it. Import it at the hub; the hub's answer file, imported here, enrols the kiosk. 409 ALREADY_ENROLLED, DEMO_DATA_PRESENT.
         */
        post: operations["SyncController_enrolByUsb"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/sync/usb/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A sync file for a USB stick: the rows the hub has not acknowledged, signed with the device key
         * @description For a store without network: take the file to the district hub (POST /api/hub/usb/import) and bring its answer back (POST /api/sync/usb/import). 409 USB_NOT_ENROLLED before enrolment.
         */
        post: operations["SyncController_exportUsb"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/sync/usb/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Import the hub's answer file: the store's changes and the acknowledgement
         * @description Refused, changing nothing: USB_ALREADY_IMPORTED, USB_FILE_OLD, USB_OTHER_KIOSK, USB_FILE_DAMAGED, USB_WRONG_KIND, USB_HUB_KEY_UNKNOWN (409).
         */
        post: operations["SyncController_importUsb"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        AccountBalanceResponse: {
            balance: number;
            id: string;
        };
        AccountSummary: {
            balance: number;
            id: string;
        };
        ActivityResponse: {
            /** @description false: retired, kept for the awards that name it */
            active: boolean;
            defaultPoints: number;
            /** Format: uuid */
            id: string;
            name: string;
        };
        AdminChangeResponse: {
            /** @example product.update */
            action: string;
            /** @example staff:admin */
            actor: string;
            /**
             * @description The staff member’s name, or the username if unknown
             * @example 社区管理员
             */
            actorName: string;
            /**
             * @example {
             *       "pricePoints": 28
             *     }
             */
            after: {
                [key: string]: unknown;
            } | null;
            /**
             * @example {
             *       "pricePoints": 30
             *     }
             */
            before: {
                [key: string]: unknown;
            } | null;
            createdAt: string;
            /** @example product */
            entity: string;
            entityId: string;
            id: string;
            subject: components["schemas"]["AuditSubject"];
        };
        AuditActorResponse: {
            /** @example staff:admin */
            actor: string;
            /** @example 社区管理员 */
            name: string;
        };
        AuditSubject: {
            /**
             * @description Beside the label: the member of a card or redemption, the household of a member, an event’s activity
             * @example 王小明
             */
            detail: string | null;
            /**
             * @example redemption
             * @enum {string}
             */
            kind: "product" | "member" | "card" | "settings" | "redemption" | "event" | "activity" | "staff" | "kiosk" | "overdraft";
            /**
             * @description What a person calls it: a product’s or member’s name, a receipt or card number, an event’s name
             * @example R20261128-0007
             */
            label: string | null;
        };
        AwardPointsDto: {
            /** @description The account to credit; or give qr */
            accountId?: string;
            /**
             * Format: uuid
             * @description The activity from the activity catalogue
             * @example 019ac2f0-5c1e-7a3b-9f00-1c2d3e4f5a6b
             */
            activityId?: string;
            /**
             * @description Points; negative for a deduction. Defaults to the activity’s points.
             * @example 2
             */
            points?: number;
            /** @description A scanned member card; or give accountId */
            qr?: string;
            /** @example 参加河道巡查 */
            reason?: string;
        };
        AwardResponse: {
            account: components["schemas"]["AccountBalanceResponse"];
            entry: components["schemas"]["LedgerEntryResponse"];
        };
        BackupFileResponse: {
            /** @description When the backup was made (ISO-8601) */
            createdAt: string;
            /** @example kiosk-K3F2A1B-20261122-200000.backup */
            name: string;
            /** @description Bytes */
            size: number;
        };
        BackupHealthResponse: {
            /** @description Whether backups are made by themselves (BACKUP_DIR is set) */
            automatic: boolean;
            /** @description Time of the newest backup (ISO-8601) */
            lastBackupAt?: string;
            /** @description Time of the last failed backup (ISO-8601) */
            lastFailureAt?: string;
            /** @description The problem in plain English (the console says it in its own words); staff only on /api/health */
            message?: string;
            /**
             * @description Why the last backup failed, or why the next one cannot be made (the USB stick is not there)
             * @enum {string}
             */
            problem?: "BACKUP_DIR_MISSING" | "BACKUP_DISK_FULL" | "BACKUP_WRITE_FAILED" | "BACKUP_FAILED";
            /**
             * @description off: automatic backups are not set up (no BACKUP_DIR), or the store is on PostgreSQL
             * @enum {string}
             */
            status: "ok" | "failed" | "off";
        };
        BackupMadeResponse: {
            /** @description Sum of every account balance in the backup */
            balanceSum: number;
            /** @description When the backup was made (ISO-8601) */
            createdAt: string;
            /** @description Ledger entries in the backup */
            entries: number;
            members: number;
            /** @example kiosk-K3F2A1B-20261122-200000.backup */
            name: string;
            /** @description Bytes */
            size: number;
        };
        BackupOverviewResponse: {
            /** @description This kiosk’s backups in the folder, newest first */
            files: components["schemas"]["BackupFileResponse"][];
            /** @description Where backups are written (BACKUP_DIR, else DATA_DIR/backups) */
            folder: string;
            health: components["schemas"]["BackupHealthResponse"];
            /** @description Whether a passphrase is set, without which no backup is made */
            passphraseSet: boolean;
            schedule: components["schemas"]["BackupScheduleResponse"];
            /** @description false on PostgreSQL, whose backups are made with pg_dump */
            supported: boolean;
        };
        BackupScheduleResponse: {
            /**
             * @description Local times of the daily backup
             * @example [
             *       "20:00"
             *     ]
             */
            dailyAt: string[];
            /** @description A backup after this many redemptions; 0: never */
            everyRedemptions: number;
        };
        CardResponse: {
            /** @example 1234567897 */
            cardNo: string;
            /** @description The text encoded in the card QR code */
            qr: string;
        };
        ChangeOwnPinDto: {
            /** @example 246810 */
            currentPin: string;
            /** @example 135790 */
            newPin: string;
        };
        CheckInAccount: {
            balance: number;
            id: string;
        };
        CheckInDto: {
            /** @description The text read from the member card QR code */
            qr: string;
        };
        CheckInMember: {
            /** @example 王*明 */
            displayName: string;
            id: string;
        };
        CheckInResponse: {
            createdAt: string;
            /** @example 王*明 */
            displayName: string;
            ledgerEntryId: string;
            memberId: string;
        };
        CheckInResultResponse: {
            account: components["schemas"]["CheckInAccount"];
            /** @description Members checked in at this event so far, this one included */
            checkInCount: number;
            entry: components["schemas"]["LedgerEntryResponse"];
            member: components["schemas"]["CheckInMember"];
        };
        CreateActivityDto: {
            /**
             * @description Points an award with it gives by default; negative for a deduction; never 0
             * @example 5
             */
            defaultPoints: number;
            /**
             * @description 1 to 40 characters, unique (spaces around it are dropped)
             * @example 河道巡查
             */
            name: string;
        };
        CreatedKioskResponse: {
            /**
             * @description One-time code; the kiosk starts with HUB_KEY set to it
             * @example K7QW-3MZP-9RTA
             */
            enrolmentCode: string;
            /** @description The code as a QR picture (data: URL of an SVG) to scan at the kiosk */
            enrolmentQr: string;
            expiresAt: string;
            kioskId: string;
            name: string;
            store: string;
        };
        CreateEventDto: {
            /**
             * Format: uuid
             * @description The activity from the activity catalogue
             * @example 019ac2f0-5c1e-7a3b-9f00-1c2d3e4f5a6b
             */
            activityId: string;
            /**
             * @description Defaults to the activity’s name and today’s date
             * @example 志愿服务 2026-11-22
             */
            name?: string;
            /**
             * @description Points per check-in; defaults to the activity’s points
             * @example 2
             */
            points?: number;
        };
        CreateKioskDto: {
            /** @example 1号柜台 */
            name: string;
            /**
             * @description The store; the first kiosk of a new name creates it
             * @example 幸福社区积分超市
             */
            store: string;
        };
        CreateProductDto: {
            /** @example true */
            active?: boolean;
            /**
             * @description The maker’s EAN/UPC barcode: 8 to 14 digits, unique; null clears it
             * @example 6901234567892
             */
            barcode?: string | null;
            /** @example 粮油 */
            category: string;
            /** @example /images/products/oil.svg */
            imageUrl?: string | null;
            /** @example 5 */
            lowStockThreshold?: number;
            /**
             * @description Units per account per month
             * @example 2
             */
            monthlyLimit?: number | null;
            /** @example 食用油 5L */
            name: string;
            /** @example 30 */
            pricePoints: number;
            /**
             * @description Initial stock (recorded as a stock movement)
             * @example 20
             */
            stock?: number;
        };
        CreateRedemptionDto: {
            items: components["schemas"]["RedemptionItemDto"][];
        };
        CreateStaffDto: {
            /** @example 李阿姨 */
            displayName: string;
            /** @example 246810 */
            pin: string;
            /** @enum {string} */
            role: "volunteer" | "admin";
        };
        CurrentSessionResponse: {
            account: components["schemas"]["SessionAccount"];
            idleSeconds: number;
            member: components["schemas"]["SessionMember"];
        };
        DigestRequest: {
            /** @description The pull cursor the digest is taken at */
            cursor: number;
            origins: components["schemas"]["OriginDigestDto"][];
        };
        DigestResponse: {
            /** @description Where hub and kiosk disagree, in words */
            problems: string[];
            /** @description The kiosk misses rows it should hold: it pulls its store again from the start */
            rescan: boolean;
        };
        DistrictRankingRowResponse: {
            /**
             * @description Masked; a household reads 王*明家
             * @example 王*明
             */
            displayName: string;
            /** @description Points earned in the month */
            points: number;
            /** @description Equal points share a rank (1, 2, 2, 4) */
            rank: number;
            /**
             * @description The store of the account
             * @example 幸福社区积分超市
             */
            store: string;
        };
        DistrictStoreResponse: {
            /** @example 幸福社区积分超市 */
            store: string;
        };
        EnrolRequest: {
            /** @description The kiosk's card-signing public key (PEM): its store's kiosks accept its cards */
            cardKey: string;
            /** @description The one-time enrolment code a hub admin gave out */
            code: string;
            /** @description The kiosk's own id: the origin of its journal and ledger chain */
            origin: string;
            /** @description The kiosk's device public key (PEM); requests are signed with it */
            publicKey: string;
        };
        EnrolResponse: {
            /** @description The hub's own public key (PEM): it signs the USB answer files */
            hubKey?: string;
            kioskId: string;
            name: string;
            store: string;
        };
        ErrorBody: {
            /** @example INSUFFICIENT_POINTS */
            code: string;
            /**
             * @description The numbers behind the refusal, where one matters (per code; see the README)
             * @example {
             *       "balance": 12,
             *       "required": 30
             *     }
             */
            details?: {
                [key: string]: string | number | boolean;
            };
            /** @example Balance 12 does not cover the total of 30 points. */
            message: string;
            /** @example 402 */
            statusCode: number;
        };
        EventDetailResponse: {
            /** @description Newest first */
            checkIns: components["schemas"]["CheckInResponse"][];
            event: components["schemas"]["EventResponse"];
        };
        EventResponse: {
            /** Format: uuid */
            activityId: string;
            /** @example 志愿服务 */
            activityName: string;
            checkInCount: number;
            closedAt: string | null;
            createdAt: string;
            /** @example staff:admin */
            createdBy: string;
            id: string;
            /** @example 志愿服务 2026-11-22 */
            name: string;
            /** @example 2 */
            points: number;
        };
        HealthResponse: {
            /** @description Whether backups work; the staff console says a failure in words */
            backup: components["schemas"]["BackupHealthResponse"];
            /** @enum {string} */
            db: "ok" | "error";
            kioskId: string;
            printer: components["schemas"]["PrinterHealth"];
            /** @enum {string} */
            role: "kiosk" | "hub";
            /** @enum {string} */
            status: "ok" | "degraded";
        };
        HouseholdMemberResponse: {
            displayName: string;
            id: string;
            name: string;
        };
        HubKioskResponse: {
            acknowledgedSeq: number;
            /** @enum {string} */
            chain: "ok" | "broken";
            /** @description Where and how the chain broke */
            chainProblem: string | null;
            enrolled: boolean;
            kioskId: string;
            lastSyncAt: string | null;
            name: string;
            /** @description The kiosk's own id (its ledger entries carry it) */
            origin: string | null;
            revoked: boolean;
            revokedReason: string | null;
            store: string;
        };
        JournalRowDto: {
            /** @description The changes as JSON text */
            changes: string;
            createdAt: string;
            hash: string;
            hlc: string;
            origin: string;
            prevHash: string;
            seq: number;
        };
        KioskInfoResponse: {
            kioskId: string;
            /** @description Receive goods asks once more before booking more pieces than this */
            largeQuantity: number;
            minRedeemBalance: number;
            residentIdleSeconds: number;
            /**
             * @description hub: the district hub, whose console has other screens
             * @enum {string}
             */
            role: "kiosk" | "hub";
            storeName: string;
        };
        LedgerEntryResponse: {
            /** @example staff:admin */
            actor: string;
            /**
             * @description In passbooks: the display name of this kiosk's staff member who made the entry
             * @example 李阿姨
             */
            actorName?: string;
            balanceAfter: number;
            createdAt: string;
            delta: number;
            hash: string;
            id: string;
            /** @enum {string} */
            kind: "award" | "redeem" | "void" | "adjust";
            kioskId: string;
            reason: string;
            seq: number;
        };
        LookupMember: {
            /** @example 王*明 */
            displayName: string;
            id: string;
        };
        LookupMemberDto: {
            /** @description The text read from the member card QR code */
            qr: string;
        };
        MemberAccountResponse: {
            balance: number;
            id: string;
            /** @enum {string} */
            kind: "person" | "household";
            /** @description The person’s name, or the household label */
            name: string;
        };
        MemberCardResponse: {
            cardNo: string;
            issuedAt: string;
            revokedAt: string | null;
            /** @enum {string} */
            status: "active" | "revoked";
        };
        MemberDetail: {
            account: components["schemas"]["MemberAccountResponse"];
            /** @description Every card the member has had, newest first */
            cards: components["schemas"]["MemberCardResponse"][];
            /** @description Everyone on the same account, this member included, oldest first */
            householdMembers: components["schemas"]["HouseholdMemberResponse"][];
            member: components["schemas"]["MemberDetailMember"];
        };
        MemberDetailMember: {
            createdAt: string;
            /** @example 王*明 */
            displayName: string;
            household: string | null;
            id: string;
            name: string;
        };
        MemberListItem: {
            account: components["schemas"]["MemberAccountResponse"];
            /** @description The active card, if any */
            cardNo: string | null;
            /** @example 王*明 */
            displayName: string;
            /** @example 3栋201 */
            household: string | null;
            id: string;
            /** @example 王小明 */
            name: string;
        };
        MemberLookupResponse: {
            /** @description A person’s own account has its name masked like the member’s */
            account: components["schemas"]["MemberAccountResponse"];
            /** @description The newest 50 entries, newest first */
            entries: components["schemas"]["LedgerEntryResponse"][];
            member: components["schemas"]["LookupMember"];
        };
        MemberSummary: {
            accountId: string;
            /** @example 王*明 */
            displayName: string;
            household: string | null;
            id: string;
            name: string;
        };
        MoveMemberDto: {
            /** @description An existing household account to move to; or give newHousehold */
            accountId?: string;
            /**
             * @description A household label: that household’s account, created when there is none yet; or give accountId
             * @example 5栋102
             */
            newHousehold?: string;
            /**
             * @description When the member is the last one on an account with points, move the whole balance along (two adjust entries). Otherwise the points stay with the account.
             * @default false
             */
            transferBalance: boolean;
        };
        OriginDigestDto: {
            count: number;
            head: string;
            lastSeq: number;
            origin: string;
        };
        OriginRequest: {
            /** @description The id the kiosk goes on under (after a restore from a backup) */
            origin: string;
        };
        OverdraftResponse: {
            accountId: string;
            accountName: string;
            /** @description The deepest the merged balance went below zero */
            amount: number;
            /** @description The merged balance now */
            balance: number;
            /** @description Ledger entries (spends) that took the balance below zero */
            entries: string[];
            id: string;
            /** @description Kiosks (their ids) where those spends were made */
            kiosks: string[];
            openedAt: string;
            /**
             * @description covered: later awards brought the balance back; write-off / deduct: a district admin decided
             * @enum {string|null}
             */
            resolution?: "covered" | "write-off" | "deduct" | null;
            resolutionReason?: string | null;
            resolved: boolean;
            resolvedAt?: string | null;
            /** @description Who decided (staff:<username>) */
            resolvedBy?: string | null;
            store: string;
        };
        PassbookAccountResponse: {
            balance: number;
            id: string;
            /** @enum {string} */
            kind: "person" | "household";
            /** @description The person’s name, or the household label */
            name: string;
        };
        PassbookResponse: {
            account: components["schemas"]["PassbookAccountResponse"];
            entries: components["schemas"]["LedgerEntryResponse"][];
        };
        PrinterHealth: {
            connected: boolean;
            /** @description Staff only: where receipts go, or why the printer is away */
            detail?: string;
            kind: string;
            /** @enum {string} */
            paper: "ok" | "low" | "out" | "unknown";
            /** @description The printer does not answer status queries (PRINTER_STATUS=off, or learned under auto): receipts are sent without confirmation */
            silent?: boolean;
        };
        PrintJobResponse: {
            attempts: number;
            createdAt: string;
            id: string;
            /** @enum {string} */
            kind: "receipt" | "reprint" | "test";
            lastError: string | null;
            printedAt: string | null;
            /** @enum {string} */
            status: "queued" | "printing" | "printed" | "failed";
        };
        PrintStatusResponse: {
            error?: string | null;
            jobId?: string | null;
            /** @enum {string} */
            status: "queued" | "printing" | "printed" | "failed" | "disabled";
        };
        ProductResponse: {
            active: boolean;
            /** @example 6901234567892 */
            barcode: string | null;
            category: string;
            /**
             * Format: uuid
             * @example 019ac2f0-5c1e-7a3b-9f00-1c2d3e4f5a6b
             */
            id: string;
            imageUrl: string | null;
            lowStockThreshold: number;
            monthlyLimit: number | null;
            name: string;
            pricePoints: number;
            stock: number;
        };
        PulledRow: {
            /** @description The changes as JSON text */
            changes: string;
            createdAt: string;
            hash: string;
            hlc: string;
            hubSeq: number;
            origin: string;
            prevHash: string;
            seq: number;
        };
        PullRequest: {
            /** @description The hub's change sequence the kiosk has applied up to */
            after: number;
            limit?: number;
        };
        PullResponse: {
            /** @description Card-signing public keys (PEM) of the store's other kiosks */
            cardKeys: string[];
            /** @description The hub's public key (PEM), for kiosks enrolled before it was handed out */
            hubKey?: string;
            more: boolean;
            /** @description The cursor to ask from next time */
            next: number;
            rows: components["schemas"]["PulledRow"][];
            /** @description Kiosks of the store that can spend points (for the offline allowance) */
            spendingPoints: number;
            store: string;
        };
        PushRequest: {
            rows: components["schemas"]["JournalRowDto"][];
        };
        PushResponse: {
            /** @description Every row of the kiosk up to this one is held by the hub */
            acknowledgedSeq: number;
            head: string;
            /** @description Set when a row broke the chain: nothing from there on is taken */
            problem?: string;
        };
        RankingRowResponse: {
            /**
             * @description Masked; a household reads 王*明家
             * @example 王*明
             */
            displayName: string;
            /** @description Points earned in the month */
            points: number;
            /** @description Equal points share a rank (1, 2, 2, 4) */
            rank: number;
        };
        RedemptionItemDto: {
            /**
             * Format: uuid
             * @example 019ac2f0-5c1e-7a3b-9f00-1c2d3e4f5a6b
             */
            productId: string;
            /** @example 1 */
            quantity: number;
        };
        RedemptionLineResponse: {
            lineTotal: number;
            name: string;
            pricePoints: number;
            /** Format: uuid */
            productId: string;
            quantity: number;
        };
        RedemptionMemberResponse: {
            /**
             * @description The masked name, as on the receipt
             * @example 王*明
             */
            displayName: string;
            id: string;
            /** @example 王小明 */
            name: string;
        };
        RedemptionPageResponse: {
            items: components["schemas"]["RedemptionSummaryResponse"][];
            /** @description How many redemptions match, over all pages */
            total: number;
        };
        RedemptionResponse: {
            accountId: string;
            balanceAfter: number;
            balanceBefore: number;
            createdAt: string;
            id: string;
            lines: components["schemas"]["RedemptionLineResponse"][];
            /** @description Staff only */
            member?: components["schemas"]["RedemptionMemberResponse"];
            print: components["schemas"]["PrintStatusResponse"];
            /** @description Staff only: every print of the receipt */
            printJobs?: components["schemas"]["PrintJobResponse"][];
            /** @example K1A2B3C-000042 */
            receiptNo: string;
            /** @enum {string} */
            status: "completed" | "voided";
            totalPoints: number;
            /** @description Staff only */
            voidedAt?: string | null;
            /** @description Staff only */
            voidedBy?: string | null;
            /** @description Staff only */
            voidReason?: string | null;
        };
        RedemptionSummaryResponse: {
            accountId: string;
            createdAt: string;
            id: string;
            lineCount: number;
            member: components["schemas"]["RedemptionMemberResponse"];
            /** @example K1A2B3C-000042 */
            receiptNo: string;
            /** @enum {string} */
            status: "completed" | "voided";
            totalPoints: number;
        };
        RegisteredMemberResponse: {
            account: components["schemas"]["AccountSummary"];
            card: components["schemas"]["CardResponse"];
            member: components["schemas"]["MemberSummary"];
        };
        RegisterMemberDto: {
            /**
             * @description Household label such as 3栋201: members with the same label share one household account
             * @example 3栋201
             */
            household?: string;
            /** @example 王小明 */
            name: string;
        };
        ResetPinDto: {
            /** @example 135790 */
            pin: string;
        };
        ResidentSessionResponse: {
            account: components["schemas"]["SessionAccount"];
            /** @description Seconds of inactivity after which the session ends */
            idleSeconds: number;
            member: components["schemas"]["SessionMember"];
            token: string;
        };
        ResolveOverdraftDto: {
            /**
             * @description write-off: book the missing points back; deduct: leave them for later awards to cover
             * @enum {string}
             */
            mode: "write-off" | "deduct";
            /** @example 两台兑换机断网期间重复兑换，经社区核实 */
            reason: string;
        };
        RestockDto: {
            /** @example 街道配送第 12 批 */
            note?: string;
            /**
             * Format: uuid
             * @example 019ac2f0-5c1e-7a3b-9f00-1c2d3e4f5a6b
             */
            productId: string;
            /** @example 20 */
            quantity: number;
        };
        RevokeCardDto: {
            /** @example 卡片遗失 */
            reason: string;
        };
        RevokedCardResponse: {
            /** @example 1234567897 */
            cardNo: string;
            revokedAt: string;
            /** @enum {string} */
            status: "revoked";
        };
        RevokeKioskDto: {
            /** @example 设备丢失 */
            reason: string;
        };
        SessionAccount: {
            balance: number;
            id: string;
        };
        SessionMember: {
            /** @example 王*明 */
            displayName: string;
            id: string;
        };
        SetHubDto: {
            /**
             * @description The one-time enrolment code from the hub
             * @example 7KQM-3WZP-9RTA
             */
            enrolmentCode: string;
            /**
             * @description The hub (needed when the kiosk was started without HUB_URL)
             * @example http://hub.example:3000
             */
            hubUrl?: string;
        };
        SettingsResponse: {
            /** @example 100 */
            largeQuantity: number;
            /** @example 10 */
            minRedeemBalance: number;
            /** @example 20 */
            offlineAllowance: number;
            receiptFooter: string;
            receiptHeader: string;
            /** @example 120 */
            residentIdleSeconds: number;
            showNameOnCard: boolean;
            /** @example 幸福社区积分超市 */
            storeName: string;
        };
        SettlementEntryLineResponse: {
            /** @description The activity of an award; null when none is named */
            activityId: string | null;
            activityName: string | null;
            count: number;
            /**
             * @description Ledger entry kind: award, adjust (deductions, write-offs) …
             * @example award
             */
            kind: string;
            /** @description Sum of the entries (negative for deductions) */
            points: number;
        };
        SettlementReceivedResponse: {
            productId: string;
            productName: string;
            /** @description Units received (new stock and restocks) */
            quantity: number;
        };
        SettlementRedeemedResponse: {
            points: number;
            productId: string;
            /** @description As the receipt named it */
            productName: string;
            quantity: number;
        };
        SettlementResponse: {
            /** @description Awards per activity */
            awards: components["schemas"]["SettlementEntryLineResponse"][];
            /** @description First instant of the quarter (local midnight) */
            from: string;
            /** @description Entries other than awards, redemptions and voids (deductions, adjustments), per kind */
            otherEntries: components["schemas"]["SettlementEntryLineResponse"][];
            /** @example 2026-Q4 */
            quarter: string;
            received: components["schemas"]["SettlementReceivedResponse"][];
            /** @description Completed redemptions only */
            redeemed: components["schemas"]["SettlementRedeemedResponse"][];
            store: string;
            /** @description First instant after the quarter */
            to: string;
            totals: components["schemas"]["SettlementTotalsResponse"];
            voids: components["schemas"]["SettlementVoidResponse"][];
        };
        SettlementTotalsResponse: {
            awardCount: number;
            awardedPoints: number;
            /** @description Sum of the other entry lines (deductions, adjustments) */
            otherPoints: number;
            receivedQuantity: number;
            redeemedPoints: number;
            redeemedQuantity: number;
            voidCount: number;
            voidPoints: number;
        };
        SettlementVoidResponse: {
            createdAt: string;
            points: number;
            reason: string | null;
            /** @example SA1-000012 */
            receiptNo: string;
            voidedAt: string | null;
        };
        SignInNameResponse: {
            /** @example 李阿姨 */
            displayName: string;
            /** @example staff3 */
            username: string;
        };
        StaffCardHolderResponse: {
            /** @example 值班志愿者 */
            displayName: string;
            /** @example volunteer */
            username: string;
        };
        StaffCardScanDto: {
            /** @description The text read from a staff card QR code (PSKS1.…) */
            qr: string;
        };
        StaffMemberResponse: {
            active: boolean;
            /** @example 李阿姨 */
            displayName: string;
            /** @description Their staff card signs them in (active staff only) */
            hasCard: boolean;
            id: string;
            /** @description Wrong PINs have locked the person out for now */
            locked: boolean;
            /** @enum {string} */
            role: "volunteer" | "admin";
            /**
             * @description Made by the kiosk; stays the same when the person is renamed
             * @example staff3
             */
            username: string;
        };
        StaffSessionResponse: {
            displayName: string;
            /** @enum {string} */
            role: "volunteer" | "admin";
            token: string;
        };
        StaffSignInDto: {
            /** @example 123456 */
            pin: string;
            /** @example admin */
            username: string;
        };
        StartSessionDto: {
            /** @description The text read from the member card QR code */
            qr: string;
        };
        StockChangeResponse: {
            after: number;
            before: number;
            delta: number;
            /** Format: uuid */
            productId: string;
        };
        StockCountDto: {
            /** @example 18 */
            counted: number;
            /**
             * Format: uuid
             * @example 019ac2f0-5c1e-7a3b-9f00-1c2d3e4f5a6b
             */
            productId: string;
        };
        StockMovementResponse: {
            /** @example staff:volunteer */
            actor: string;
            createdAt: string;
            /**
             * @description Units in (positive) or out (negative)
             * @example 20
             */
            delta: number;
            /** Format: uuid */
            id: string;
            note: string | null;
            /** Format: uuid */
            productId: string;
            /** @example 食用油 5L */
            productName: string;
            /** @enum {string} */
            reason: "initial" | "restock" | "stocktake" | "redemption" | "void" | "adjust";
            stockAfter: number;
        };
        StocktakeDto: {
            counts: components["schemas"]["StockCountDto"][];
            /** @example 月末盘点 */
            note: string;
        };
        StocktakeResponse: {
            adjustments: components["schemas"]["StockChangeResponse"][];
            unchanged: number;
        };
        StockValueResponse: {
            /** @description Active products */
            products: number;
            /** @description Units on the shelf */
            units: number;
            /** @description Sum of stock × price of active products */
            valuePoints: number;
        };
        SummaryResponse: {
            /** @description Start of the period (inclusive), ISO instant */
            from: string;
            /** @enum {string} */
            period: "today" | "month";
            /** @description Points awarded (award entries and positive adjustments) */
            pointsAwarded: number;
            /** @description Points deducted by admins (e.g. yard inspection), as a positive number */
            pointsDeducted: number;
            /** @description Points given back by voids */
            pointsReturned: number;
            /** @description Points deducted by redemptions */
            pointsSpent: number;
            /** @description Redemptions made in the period, voided or not */
            redemptions: number;
            stock: components["schemas"]["StockValueResponse"];
            /** @description End of the period (exclusive), ISO instant */
            to: string;
            /** @description Top 5 by quantity */
            topProducts: components["schemas"]["TopProductResponse"][];
            /** @description Redemptions voided in the period */
            voids: number;
        };
        SyncErrorDto: {
            at: string;
            /** @example HUB_UNREACHABLE */
            code: string;
            message: string;
        };
        SyncRoundResponse: {
            acknowledgedSeq: number;
            durationMs: number;
            problems: string[];
            pullCursor: number;
            /** @description Rows of other kiosks and the hub applied here */
            pulled: number;
            /** @description Journal rows the hub took in this round */
            pushed: number;
            /** @description The digests differed and the store was pulled again from the start */
            rescanned: boolean;
            store: string;
        };
        SyncStatusResponse: {
            acknowledgedSeq: number;
            /** @description Rounds run by themselves (SYNC_INTERVAL_SECONDS > 0) */
            automatic: boolean;
            enrolled: boolean;
            hubUrl: string | null;
            /** @description The hub's id for this kiosk */
            kioskId: string | null;
            lastError: components["schemas"]["SyncErrorDto"] | null;
            lastSyncAt: string | null;
            /** @description The last file written for a USB stick */
            lastUsbExportAt: string | null;
            /** @description The last hub answer file imported from a USB stick */
            lastUsbImportAt: string | null;
            /** @description This kiosk's name at the hub */
            name: string | null;
            /** @description Journal rows the hub has not acknowledged yet */
            pending: number;
            /** @description A round is under way now */
            running: boolean;
            store: string | null;
            /** @description An enrolment file was exported: the answer file from the hub enrols this kiosk */
            usbEnrolmentPending: boolean;
        };
        TopProductResponse: {
            /** @example 食用油 5L */
            name: string;
            /** @description Points spent on it */
            points: number;
            /** Format: uuid */
            productId: string;
            /** @description Units redeemed (voided redemptions not counted) */
            quantity: number;
        };
        UpdateActivityDto: {
            /** @description false retires it (hidden from awards and check-ins), true restores it */
            active?: boolean;
            /**
             * @description Points an award with it gives by default; negative for a deduction; never 0
             * @example 5
             */
            defaultPoints?: number;
            /**
             * @description 1 to 40 characters, unique (spaces around it are dropped)
             * @example 河道巡查
             */
            name?: string;
        };
        UpdateMemberDto: {
            /** @example 王小明 */
            name?: string;
        };
        UpdateProductDto: {
            /** @example true */
            active?: boolean;
            /**
             * @description The maker’s EAN/UPC barcode: 8 to 14 digits, unique; null clears it
             * @example 6901234567892
             */
            barcode?: string | null;
            /** @example 粮油 */
            category?: string;
            /** @example /images/products/oil.svg */
            imageUrl?: string | null;
            /** @example 5 */
            lowStockThreshold?: number;
            /**
             * @description Units per account per month
             * @example 2
             */
            monthlyLimit?: number | null;
            /** @example 食用油 5L */
            name?: string;
            /** @example 30 */
            pricePoints?: number;
            /**
             * @description Initial stock (recorded as a stock movement)
             * @example 20
             */
            stock?: number;
        };
        UpdateSettingsDto: {
            /**
             * @description Receive goods asks once more (the number in words) before booking more pieces than this
             * @example 100
             */
            largeQuantity?: number;
            /**
             * @description Least balance to redeem
             * @example 10
             */
            minRedeemBalance?: number;
            /**
             * @description Points an account may spend here while the store's other kiosks cannot be seen (sync stale); 0 refuses
             * @example 20
             */
            offlineAllowance?: number;
            /** @example 文明实践 积分兑换 谢谢您的奉献 */
            receiptFooter?: string;
            /** @example 欢迎光临 */
            receiptHeader?: string;
            /**
             * @description Resident session idle timeout
             * @example 120
             */
            residentIdleSeconds?: number;
            /**
             * @description false: member cards print the masked name
             * @example true
             */
            showNameOnCard?: boolean;
            /** @example 幸福社区积分超市 */
            storeName?: string;
        };
        UpdateStaffDto: {
            active?: boolean;
            /** @example 李阿姨 */
            displayName?: string;
            /** @enum {string} */
            role?: "volunteer" | "admin";
        };
        UsbEnrolDto: {
            /**
             * @description The one-time enrolment code from the hub
             * @example 7KQM-3WZP-9RTA
             */
            enrolmentCode: string;
        };
        UsbExportResponse: {
            /** @description The file itself (JSON text, signed); save it unchanged */
            file: string;
            /** @example points-0190c3e2-20261128-101500.pksync */
            fileName: string;
            /** @description Counts up per kiosk; the answer names the export it answers */
            fileSeq: number;
            /** @description More rows wait: export again after importing the answer */
            more: boolean;
            /** @description Journal rows in the file (those the hub has not acknowledged) */
            rows: number;
        };
        UsbHubImportResponse: {
            acknowledgedSeq: number;
            /** @description The file itself (JSON text, signed); save it unchanged */
            file: string;
            /** @example points-0190c3e2-20261128-101500.pksync */
            fileName: string;
            /** @description The export file answered */
            fileSeq: number;
            kioskId: string;
            /** @description More rows wait for the kiosk than one answer carries */
            more: boolean;
            /** @description The kiosk's name at the hub */
            name: string;
            /** @description Set when a row broke the kiosk's chain: nothing from there on was taken */
            problem?: string;
            /** @description Rows of the kiosk newly taken in by the hub */
            received: number;
            /** @description Rows in the file */
            rows: number;
            /** @description Rows of the store's other kiosks and the hub put into the answer */
            sent: number;
            store: string;
        };
        UsbKioskImportResponse: {
            /** @description Rows of this kiosk the hub newly acknowledged */
            acknowledged: number;
            acknowledgedSeq: number;
            /** @description The export this answer file answers */
            answersFileSeq: number;
            /** @description The hub had more for this kiosk: export and import again */
            more: boolean;
            /** @description Rows of this kiosk the hub still has not acknowledged */
            pending: number;
            /** @description Set when the hub refused this kiosk's rows (chain broken) */
            problem?: string;
            /** @description Rows of other kiosks and the hub applied here */
            received: number;
            /** @description The digests differed: the next export asks for the store from the start */
            rescan: boolean;
        };
        VerifyResponse: {
            entries: number;
            firstBadEntryId?: string;
            ok: boolean;
            problem?: string;
        };
        VoidRedemptionDto: {
            /** @example 误兑换，会员退回商品 */
            reason: string;
        };
        VoidResponse: {
            balanceAfter: number;
            id: string;
            ledgerEntryId: string;
            pointsReturned: number;
            /** @enum {string} */
            status: "voided";
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    LedgerController_passbook: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PassbookResponse"];
                };
            };
            /** @description Refused or failed: `{statusCode, code, message}` */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    ActivitiesController_list: {
        parameters: {
            query?: {
                /** @description true (admin only): also the retired activities */
                all?: "true" | "false";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The active activities; `all=true` (admin): every one */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ActivityResponse"][];
                };
            };
            /** @description Refused or failed: `{statusCode, code, message}` */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    ActivitiesController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateActivityDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ActivityResponse"];
                };
            };
            /** @description Refused or failed: `{statusCode, code, message}` */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    ActivitiesController_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateActivityDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ActivityResponse"];
                };
            };
            /** @description Refused or failed: `{statusCode, code, message}` */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    AuditController_actors: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditActorResponse"][];
                };
            };
            /** @description Refused or failed: `{statusCode, code, message}` */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    AuditController_changes: {
        parameters: {
            query?: {
                /** @description One action only */
                action?: string;
                /** @description Changes by this actor only, as recorded */
                actor?: string;
                /** @description Page forward: changes newer than this id (still newest first) */
                afterId?: string;
                /** @description Page back: changes older than this id */
                beforeId?: string;
                entity?: "product" | "member" | "card" | "settings" | "redemption" | "event" | "activity" | "staff" | "kiosk" | "overdraft";
                /** @description From this instant (inclusive) */
                from?: string;
                limit?: number;
                /** @description Until this instant (exclusive) */
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AdminChangeResponse"][];
                };
            };
            /** @description Refused or failed: `{statusCode, code, message}` */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    AuditController_verify: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VerifyResponse"];
                };
            };
            /** @description Refused or failed: `{statusCode, code, message}` */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    BackupController_overview: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BackupOverviewResponse"];
                };
            };
            /** @description Refused or failed: `{statusCode, code, message}` */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    BackupController_run: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BackupMadeResponse"];
                };
            };
            /** @description Refused or failed: `{statusCode, code, message}` */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    BackupController_download: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                name: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The encrypted backup file */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/octet-stream": string;
                };
            };
            /** @description Refused or failed: `{statusCode, code, message}` */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    CardsController_revoke: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                cardNo: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RevokeCardDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RevokedCardResponse"];
                };
            };
            /** @description Refused or failed: `{statusCode, code, message}` */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    CatalogController_list: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProductResponse"][];
                };
            };
            /** @description Refused or failed: `{statusCode, code, message}` */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    EventsController_list: {
        parameters: {
            query?: {
                /** @description true: open events only; false: closed ones only */
                open?: "true" | "false";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EventResponse"][];
                };
            };
            /** @description Refused or failed: `{statusCode, code, message}` */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    EventsController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateEventDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EventResponse"];
                };
            };
            /** @description Refused or failed: `{statusCode, code, message}` */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    EventsController_detail: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EventDetailResponse"];
                };
            };
            /** @description Refused or failed: `{statusCode, code, message}` */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    EventsController_checkIn: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CheckInDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CheckInResultResponse"];
                };
            };
            /** @description Refused or failed: `{statusCode, code, message}` */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    EventsController_close: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EventResponse"];
                };
            };
            /** @description Refused or failed: `{statusCode, code, message}` */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    ExportsController_awards: {
        parameters: {
            query?: {
                /** @description First local day (inclusive) */
                from?: string;
                /** @description Last local day (inclusive) */
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Refused or failed: `{statusCode, code, message}` */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    ExportsController_redemptions: {
        parameters: {
            query?: {
                /** @description First local day (inclusive) */
                from?: string;
                /** @description Last local day (inclusive) */
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Refused or failed: `{statusCode, code, message}` */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    ExportsController_stock: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Refused or failed: `{statusCode, code, message}` */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    HealthController_health: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HealthResponse"];
                };
            };
            /** @description Refused or failed: `{statusCode, code, message}` */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    HubController_kiosks: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HubKioskResponse"][];
                };
            };
            /** @description Refused or failed: `{statusCode, code, message}` */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    HubController_createKiosk: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateKioskDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CreatedKioskResponse"];
                };
            };
            /** @description Refused or failed: `{statusCode, code, message}` */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    HubController_revoke: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                kioskId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RevokeKioskDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HubKioskResponse"];
                };
            };
            /** @description Refused or failed: `{statusCode, code, message}` */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    HubController_overdrafts: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OverdraftResponse"][];
                };
            };
            /** @description Refused or failed: `{statusCode, code, message}` */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    HubController_resolve: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ResolveOverdraftDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OverdraftResponse"];
                };
            };
            /** @description Refused or failed: `{statusCode, code, message}` */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    DistrictController_ranking: {
        parameters: {
            query?: {
                /** @description member: points a person earned; household: points each account (户) earned */
                by?: "member" | "household";
                limit?: number;
                /** @description The month (YYYY-MM, local); this month by default */
                month?: string;
                /** @description One store; the whole district (全区) without it */
                store?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DistrictRankingRowResponse"][];
                };
            };
            /** @description Refused or failed: `{statusCode, code, message}` */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    DistrictController_rankingPdf: {
        parameters: {
            query?: {
                /** @description member: points a person earned; household: points each account (户) earned */
                by?: "member" | "household";
                /** @description The month (YYYY-MM, local); this month by default */
                month?: string;
                /** @description One store; the whole district (全区) without it */
                store?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The A4 notice (积分公示) of a store or of the district (全区) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": string;
                };
            };
            /** @description Refused or failed: `{statusCode, code, message}` */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    DistrictController_settlement: {
        parameters: {
            query: {
                /** @description The quarter (YYYY-Qn, local); this quarter by default */
                quarter?: string;
                store: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SettlementResponse"];
                };
            };
            /** @description Refused or failed: `{statusCode, code, message}` */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    DistrictController_settlementCsv: {
        parameters: {
            query: {
                /** @description The quarter (YYYY-Qn, local); this quarter by default */
                quarter?: string;
                store: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The settlement as CSV (UTF-8 with BOM, one section per table) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": string;
                };
            };
            /** @description Refused or failed: `{statusCode, code, message}` */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    DistrictController_settlementPdf: {
        parameters: {
            query: {
                /** @description The quarter (YYYY-Qn, local); this quarter by default */
                quarter?: string;
                store: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The A4 settlement sheet for the street office to sign */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": string;
                };
            };
            /** @description Refused or failed: `{statusCode, code, message}` */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    DistrictController_stores: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DistrictStoreResponse"][];
                };
            };
            /** @description Refused or failed: `{statusCode, code, message}` */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    HubSyncController_digest: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DigestRequest"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DigestResponse"];
                };
            };
            /** @description Refused or failed: `{statusCode, code, message}` */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    HubSyncController_enrol: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["EnrolRequest"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EnrolResponse"];
                };
            };
            /** @description Refused or failed: `{statusCode, code, message}` */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    HubSyncController_origin: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["OriginRequest"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OriginRequest"];
                };
            };
            /** @description Refused or failed: `{statusCode, code, message}` */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    HubSyncController_pull: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PullRequest"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PullResponse"];
                };
            };
            /** @description Refused or failed: `{statusCode, code, message}` */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    HubSyncController_push: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PushRequest"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PushResponse"];
                };
            };
            /** @description Refused or failed: `{statusCode, code, message}` */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    HubController_importUsb: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description A kiosk's export file, unchanged */
        requestBody: {
            content: {
                "application/octet-stream": string;
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UsbHubImportResponse"];
                };
            };
            /** @description Refused or failed: `{statusCode, code, message}` */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    InventoryController_lowStock: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Active products at or below their threshold, lowest first */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProductResponse"][];
                };
            };
            /** @description Refused or failed: `{statusCode, code, message}` */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    InventoryController_movements: {
        parameters: {
            query?: {
                limit?: number;
                /** @description Only this product */
                productId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StockMovementResponse"][];
                };
            };
            /** @description Refused or failed: `{statusCode, code, message}` */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    InventoryController_restock: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RestockDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StockChangeResponse"];
                };
            };
            /** @description Refused or failed: `{statusCode, code, message}` */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    InventoryController_stocktake: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["StocktakeDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StocktakeResponse"];
                };
            };
            /** @description Refused or failed: `{statusCode, code, message}` */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    SettingsController_info: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["KioskInfoResponse"];
                };
            };
            /** @description Refused or failed: `{statusCode, code, message}` */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    MembersController_list: {
        parameters: {
            query?: {
                /** @description Exactly a household label: the members of that household account, the ones a member registered with this label would join (q is then ignored) */
                household?: string;
                limit?: number;
                /** @description Part of a name, a household label or a card number (any case); empty lists the newest members */
                q?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MemberListItem"][];
                };
            };
            /** @description Refused or failed: `{statusCode, code, message}` */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    MembersController_register: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RegisterMemberDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RegisteredMemberResponse"];
                };
            };
            /** @description Refused or failed: `{statusCode, code, message}` */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    MembersController_detail: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MemberDetail"];
                };
            };
            /** @description Refused or failed: `{statusCode, code, message}` */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    MembersController_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateMemberDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MemberDetail"];
                };
            };
            /** @description Refused or failed: `{statusCode, code, message}` */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    MembersController_cardPicture: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Refused or failed: `{statusCode, code, message}` */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    MembersController_reissueCard: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CardResponse"];
                };
            };
            /** @description Refused or failed: `{statusCode, code, message}` */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    MembersController_move: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["MoveMemberDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MemberDetail"];
                };
            };
            /** @description Refused or failed: `{statusCode, code, message}` */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    MembersController_cardSheet: {
        parameters: {
            query?: {
                /** @description Comma-separated member ids (at most 300): only their active cards; without it, every active card */
                memberIds?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Refused or failed: `{statusCode, code, message}` */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    MembersController_lookup: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LookupMemberDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MemberLookupResponse"];
                };
            };
            /** @description Refused or failed: `{statusCode, code, message}` */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    LedgerController_award: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AwardPointsDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AwardResponse"];
                };
            };
            /** @description Refused or failed: `{statusCode, code, message}` */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    PrintingController_job: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PrintStatusResponse"];
                };
            };
            /** @description Refused or failed: `{statusCode, code, message}` */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    PrintingController_test: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PrintStatusResponse"];
                };
            };
            /** @description Refused or failed: `{statusCode, code, message}` */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    CatalogController_listAll: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Every product, also inactive ones, by category then id */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProductResponse"][];
                };
            };
            /** @description Refused or failed: `{statusCode, code, message}` */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    CatalogController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateProductDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProductResponse"];
                };
            };
            /** @description Refused or failed: `{statusCode, code, message}` */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    CatalogController_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateProductDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProductResponse"];
                };
            };
            /** @description Refused or failed: `{statusCode, code, message}` */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    CatalogController_uploadImage: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        /** @description The picture itself, at most 8 MiB; stored re-encoded as WebP, fitted into 800×800, without metadata */
        requestBody: {
            content: {
                "image/jpeg": string;
                "image/png": string;
                "image/webp": string;
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProductResponse"];
                };
            };
            /** @description Refused or failed: `{statusCode, code, message}` */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    CatalogController_byBarcode: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                barcode: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProductResponse"];
                };
            };
            /** @description Refused or failed: `{statusCode, code, message}` */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    RankingsController_month: {
        parameters: {
            query?: {
                /** @description member: points a person earned; household: points each account (户) earned */
                by?: "member" | "household";
                limit?: number;
                /** @description The month (YYYY-MM, local); this month by default */
                month?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RankingRowResponse"][];
                };
            };
            /** @description Refused or failed: `{statusCode, code, message}` */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    RankingsController_notice: {
        parameters: {
            query?: {
                /** @description member: points a person earned; household: points each account (户) earned */
                by?: "member" | "household";
                /** @description The month (YYYY-MM, local); this month by default */
                month?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The A4 notice (积分公示) to print and put up */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": string;
                };
            };
            /** @description Refused or failed: `{statusCode, code, message}` */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    RedemptionController_list: {
        parameters: {
            query?: {
                /** @description First local day (inclusive) */
                from?: string;
                limit?: number;
                /** @description Redemptions made with this member’s card */
                memberId?: string;
                offset?: number;
                /** @description Redemptions with a line of this product */
                productId?: string;
                /** @description Receipt number or a part of it */
                receiptNo?: string;
                status?: "completed" | "voided";
                /** @description Last local day (inclusive) */
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RedemptionPageResponse"];
                };
            };
            /** @description Refused or failed: `{statusCode, code, message}` */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    RedemptionController_redeem: {
        parameters: {
            query?: never;
            header: {
                /** @description 8–100 printable characters, new for each checkout */
                "Idempotency-Key": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateRedemptionDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RedemptionResponse"];
                };
            };
            /** @description Refused or failed: `{statusCode, code, message}` */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    RedemptionController_find: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RedemptionResponse"];
                };
            };
            /** @description Refused or failed: `{statusCode, code, message}` */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    RedemptionController_reprint: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PrintStatusResponse"];
                };
            };
            /** @description Refused or failed: `{statusCode, code, message}` */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    RedemptionController_void: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["VoidRedemptionDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VoidResponse"];
                };
            };
            /** @description Refused or failed: `{statusCode, code, message}` */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    RedemptionController_byReceipt: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                receiptNo: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description With the staff fields; the receipt QR carries the number */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RedemptionResponse"];
                };
            };
            /** @description Refused or failed: `{statusCode, code, message}` */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    ReportsController_summary: {
        parameters: {
            query?: {
                /** @description The kiosk’s local day or calendar month */
                period?: "today" | "month";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SummaryResponse"];
                };
            };
            /** @description Refused or failed: `{statusCode, code, message}` */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    SessionsController_start: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["StartSessionDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ResidentSessionResponse"];
                };
            };
            /** @description Refused or failed: `{statusCode, code, message}` */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    SessionsController_current: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CurrentSessionResponse"];
                };
            };
            /** @description Refused or failed: `{statusCode, code, message}` */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    SessionsController_end: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Refused or failed: `{statusCode, code, message}` */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    StoreSettingsController_get: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SettingsResponse"];
                };
            };
            /** @description Refused or failed: `{statusCode, code, message}` */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    StoreSettingsController_update: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateSettingsDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SettingsResponse"];
                };
            };
            /** @description Refused or failed: `{statusCode, code, message}` */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    StaffPeopleController_list: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StaffMemberResponse"][];
                };
            };
            /** @description Refused or failed: `{statusCode, code, message}` */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    StaffPeopleController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateStaffDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StaffMemberResponse"];
                };
            };
            /** @description Refused or failed: `{statusCode, code, message}` */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    StaffPeopleController_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateStaffDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StaffMemberResponse"];
                };
            };
            /** @description Refused or failed: `{statusCode, code, message}` */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    StaffPeopleController_card: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Refused or failed: `{statusCode, code, message}` */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    StaffPeopleController_resetPin: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ResetPinDto"];
            };
        };
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Refused or failed: `{statusCode, code, message}` */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    StaffCardsController_picture: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                username: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Refused or failed: `{statusCode, code, message}` */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    StaffCardsController_holder: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["StaffCardScanDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StaffCardHolderResponse"];
                };
            };
            /** @description Refused or failed: `{statusCode, code, message}` */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    StaffPeopleController_changeOwnPin: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ChangeOwnPinDto"];
            };
        };
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Refused or failed: `{statusCode, code, message}` */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    StaffController_signIn: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["StaffSignInDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StaffSessionResponse"];
                };
            };
            /** @description Refused or failed: `{statusCode, code, message}` */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    StaffController_signOut: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Refused or failed: `{statusCode, code, message}` */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    StaffPeopleController_signInNames: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SignInNameResponse"][];
                };
            };
            /** @description Refused or failed: `{statusCode, code, message}` */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    SyncController_setHub: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SetHubDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SyncRoundResponse"];
                };
            };
            /** @description Refused or failed: `{statusCode, code, message}` */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    SyncController_run: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SyncRoundResponse"];
                };
            };
            /** @description Refused or failed: `{statusCode, code, message}` */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    SyncController_status: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SyncStatusResponse"];
                };
            };
            /** @description Refused or failed: `{statusCode, code, message}` */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    SyncController_enrolByUsb: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UsbEnrolDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UsbExportResponse"];
                };
            };
            /** @description Refused or failed: `{statusCode, code, message}` */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    SyncController_exportUsb: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UsbExportResponse"];
                };
            };
            /** @description Refused or failed: `{statusCode, code, message}` */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    SyncController_importUsb: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description The hub's answer file, unchanged */
        requestBody: {
            content: {
                "application/octet-stream": string;
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UsbKioskImportResponse"];
                };
            };
            /** @description Refused or failed: `{statusCode, code, message}` */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
}
