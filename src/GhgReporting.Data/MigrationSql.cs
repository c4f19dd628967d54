namespace GhgReporting.Data;

/// <summary>
/// Rules the database enforces itself, so that no code path (a bug, a manual script) can break them:
/// stored submissions and activity records are never changed or deleted; a published inventory version
/// is frozen; the audit log is append-only. Applied by the initial migration.
/// </summary>
public static class MigrationSql
{
    public const string Guards = """
        CREATE FUNCTION ghg_refuse(message text) RETURNS void LANGUAGE plpgsql AS $$
        BEGIN
            RAISE EXCEPTION '%', message USING ERRCODE = 'integrity_constraint_violation';
        END $$;

        CREATE FUNCTION ghg_guard_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            PERFORM ghg_refuse(format('%s is append-only: %s refused', TG_TABLE_NAME, TG_OP));
            RETURN NULL;
        END $$;

        -- Every activity record belongs to a submission that is being stored in this transaction (its content
        -- hash is set only when the upload completes): checked once per statement (a COPY of a million rows
        -- is one statement) instead of once per row as a foreign key would. A completed submission never
        -- gains records.
        CREATE FUNCTION ghg_check_record_submissions() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF EXISTS (SELECT 1 FROM (SELECT DISTINCT submission_id FROM new_rows) n
                       WHERE NOT EXISTS (SELECT 1 FROM submissions s WHERE s.id = n.submission_id AND s.content_sha256 IS NULL)) THEN
                PERFORM ghg_refuse('activity records are added only while their submission is being uploaded, never to a stored submission');
            END IF;
            RETURN NULL;
        END $$;
        CREATE TRIGGER activity_records_submission_exists AFTER INSERT ON activity_records
            REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ghg_check_record_submissions();

        CREATE TRIGGER activity_records_append_only BEFORE UPDATE OR DELETE ON activity_records
            FOR EACH ROW EXECUTE FUNCTION ghg_guard_append_only();
        CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
            FOR EACH ROW EXECUTE FUNCTION ghg_guard_append_only();
        CREATE TRIGGER inventory_figures_append_only BEFORE UPDATE OR DELETE ON inventory_figures
            FOR EACH ROW EXECUTE FUNCTION ghg_guard_append_only();
        -- The GPC table of a published version never gains a row either.
        CREATE FUNCTION ghg_guard_figure_insert() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF EXISTS (SELECT 1 FROM inventory_versions v WHERE v.id = NEW.version_id AND v.published_at IS NOT NULL) THEN
                PERFORM ghg_refuse('a published inventory version is frozen; its GPC table gains no rows');
            END IF;
            RETURN NEW;
        END $$;
        CREATE TRIGGER inventory_figures_frozen BEFORE INSERT ON inventory_figures
            FOR EACH ROW EXECUTE FUNCTION ghg_guard_figure_insert();
        CREATE TRIGGER factor_catalogs_append_only BEFORE UPDATE OR DELETE ON factor_catalogs
            FOR EACH ROW EXECUTE FUNCTION ghg_guard_append_only();

        -- A submission is written once. Within the transaction that stores it, its content hash and record
        -- count are filled in once (they are known only after the file has been read); later, the only
        -- change allowed is pointing superseded_by_id at the version that corrects it, once.
        CREATE FUNCTION ghg_guard_submission() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF TG_OP = 'DELETE' THEN
                PERFORM ghg_refuse('a stored submission is never deleted; upload a correction instead');
            END IF;
            IF (to_jsonb(NEW) - 'superseded_by_id' - 'content_sha256' - 'record_count')
               IS DISTINCT FROM (to_jsonb(OLD) - 'superseded_by_id' - 'content_sha256' - 'record_count') THEN
                PERFORM ghg_refuse('a stored submission is immutable; upload a correction instead');
            END IF;
            IF OLD.content_sha256 IS NOT NULL AND (NEW.content_sha256 IS DISTINCT FROM OLD.content_sha256
                                                   OR NEW.record_count IS DISTINCT FROM OLD.record_count) THEN
                PERFORM ghg_refuse('a stored submission is immutable: its content hash and record count are set once');
            END IF;
            IF OLD.superseded_by_id IS NOT NULL AND NEW.superseded_by_id IS DISTINCT FROM OLD.superseded_by_id THEN
                PERFORM ghg_refuse('this submission has already been superseded');
            END IF;
            IF OLD.superseded_by_id IS NULL AND NEW.superseded_by_id IS NOT NULL
               AND NOT EXISTS (SELECT 1 FROM submissions s WHERE s.id = NEW.superseded_by_id AND s.supersedes_id = OLD.id) THEN
                PERFORM ghg_refuse('a submission is superseded only by the version that corrects it');
            END IF;
            RETURN NEW;
        END $$;
        CREATE TRIGGER submissions_guard BEFORE UPDATE OR DELETE ON submissions
            FOR EACH ROW EXECUTE FUNCTION ghg_guard_submission();

        -- An inventory version is never deleted; while a draft only its publication may be set, and once
        -- published nothing changes.
        CREATE FUNCTION ghg_guard_inventory_version() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF TG_OP = 'DELETE' THEN
                PERFORM ghg_refuse('an inventory version is never deleted');
            END IF;
            IF OLD.published_at IS NOT NULL THEN
                PERFORM ghg_refuse('a published inventory version is frozen; calculate a new version instead');
            END IF;
            IF (to_jsonb(NEW) - 'published_at' - 'published_by_user_id')
               IS DISTINCT FROM (to_jsonb(OLD) - 'published_at' - 'published_by_user_id') THEN
                PERFORM ghg_refuse('a calculated inventory version is immutable; calculate a new version instead');
            END IF;
            RETURN NEW;
        END $$;
        CREATE TRIGGER inventory_versions_guard BEFORE UPDATE OR DELETE ON inventory_versions
            FOR EACH ROW EXECUTE FUNCTION ghg_guard_inventory_version();
        """;

    public const string DropGuards = """
        DROP TRIGGER IF EXISTS inventory_versions_guard ON inventory_versions;
        DROP TRIGGER IF EXISTS submissions_guard ON submissions;
        DROP TRIGGER IF EXISTS factor_catalogs_append_only ON factor_catalogs;
        DROP TRIGGER IF EXISTS inventory_figures_append_only ON inventory_figures;
        DROP TRIGGER IF EXISTS inventory_figures_frozen ON inventory_figures;
        DROP FUNCTION IF EXISTS ghg_guard_figure_insert();
        DROP TRIGGER IF EXISTS audit_log_append_only ON audit_log;
        DROP TRIGGER IF EXISTS activity_records_append_only ON activity_records;
        DROP TRIGGER IF EXISTS activity_records_submission_exists ON activity_records;
        DROP FUNCTION IF EXISTS ghg_check_record_submissions();
        DROP FUNCTION IF EXISTS ghg_guard_inventory_version();
        DROP FUNCTION IF EXISTS ghg_guard_submission();
        DROP FUNCTION IF EXISTS ghg_guard_append_only();
        DROP FUNCTION IF EXISTS ghg_refuse(text);
        """;

    /// <summary>The rules for projects, monitoring periods and credits (migration ProjectsAndCredits).</summary>
    public const string ProjectGuards = """
        CREATE TRIGGER credit_transactions_append_only BEFORE UPDATE OR DELETE ON credit_transactions
            FOR EACH ROW EXECUTE FUNCTION ghg_guard_append_only();
        CREATE TRIGGER retirements_append_only BEFORE UPDATE OR DELETE ON retirements
            FOR EACH ROW EXECUTE FUNCTION ghg_guard_append_only();
        CREATE TRIGGER contributions_append_only BEFORE UPDATE OR DELETE ON contributions
            FOR EACH ROW EXECUTE FUNCTION ghg_guard_append_only();
        CREATE TRIGGER verification_comments_append_only BEFORE UPDATE OR DELETE ON verification_comments
            FOR EACH ROW EXECUTE FUNCTION ghg_guard_append_only();

        -- A period version is never deleted; once verified it is locked: the only change left is pointing
        -- superseded_by_id, once, at the version that corrects it.
        CREATE FUNCTION ghg_guard_period() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF TG_OP = 'DELETE' THEN
                PERFORM ghg_refuse('a monitoring period is never deleted');
            END IF;
            IF OLD.state = 'verified' THEN
                IF (to_jsonb(NEW) - 'superseded_by_id') IS DISTINCT FROM (to_jsonb(OLD) - 'superseded_by_id')
                   OR OLD.superseded_by_id IS NOT NULL
                   OR NOT EXISTS (SELECT 1 FROM monitoring_periods c WHERE c.id = NEW.superseded_by_id AND c.supersedes_id = OLD.id) THEN
                    PERFORM ghg_refuse('a verified monitoring period is locked; submit a correction as a new version');
                END IF;
            END IF;
            RETURN NEW;
        END $$;
        CREATE TRIGGER monitoring_periods_guard BEFORE UPDATE OR DELETE ON monitoring_periods
            FOR EACH ROW EXECUTE FUNCTION ghg_guard_period();

        -- Parameters and evidence change only while their period version is a draft or was rejected.
        CREATE FUNCTION ghg_guard_period_content() RETURNS trigger LANGUAGE plpgsql AS $$
        DECLARE
            period_state text;
        BEGIN
            SELECT state INTO period_state FROM monitoring_periods
             WHERE id = CASE WHEN TG_OP = 'DELETE' THEN OLD.period_id ELSE NEW.period_id END;
            IF period_state NOT IN ('draft', 'rejected') OR (TG_OP = 'UPDATE' AND OLD.period_id <> NEW.period_id) THEN
                PERFORM ghg_refuse('the parameters and evidence of a submitted or verified monitoring period cannot change');
            END IF;
            IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
            RETURN NEW;
        END $$;
        CREATE TRIGGER monitored_parameters_guard BEFORE INSERT OR UPDATE OR DELETE ON monitored_parameters
            FOR EACH ROW EXECUTE FUNCTION ghg_guard_period_content();
        CREATE TRIGGER evidence_files_guard BEFORE INSERT OR UPDATE OR DELETE ON evidence_files
            FOR EACH ROW EXECUTE FUNCTION ghg_guard_period_content();

        -- Credits come only from a verified period; they are never deleted (cancelled instead); only their
        -- account and state change, and a retired or cancelled credit never changes again.
        CREATE FUNCTION ghg_guard_credit_issue() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF EXISTS (SELECT 1 FROM (SELECT DISTINCT period_id FROM new_rows) n
                       WHERE NOT EXISTS (SELECT 1 FROM monitoring_periods p WHERE p.id = n.period_id AND p.state = 'verified')) THEN
                PERFORM ghg_refuse('credits are issued only for a verified monitoring period');
            END IF;
            IF EXISTS (SELECT 1 FROM new_rows WHERE state <> 'issued') THEN
                PERFORM ghg_refuse('credits are issued in state issued');
            END IF;
            RETURN NULL;
        END $$;
        CREATE TRIGGER credits_issue_guard AFTER INSERT ON credits
            REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ghg_guard_credit_issue();

        CREATE FUNCTION ghg_guard_credit() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF TG_OP = 'DELETE' THEN
                PERFORM ghg_refuse('credits are never deleted; cancel them instead');
            END IF;
            IF OLD.state IN ('retired', 'cancelled') THEN
                PERFORM ghg_refuse(format('credit %s of project %s is %s and never changes again', OLD.serial, OLD.project_id, OLD.state));
            END IF;
            IF (to_jsonb(NEW) - 'account_id' - 'state' - 'retirement_id') IS DISTINCT FROM (to_jsonb(OLD) - 'account_id' - 'state' - 'retirement_id') THEN
                PERFORM ghg_refuse('a credit keeps its project, serial, vintage and period');
            END IF;
            RETURN NEW;
        END $$;
        CREATE TRIGGER credits_guard BEFORE UPDATE OR DELETE ON credits
            FOR EACH ROW EXECUTE FUNCTION ghg_guard_credit();
        """;

    public const string DropProjectGuards = """
        DROP TRIGGER IF EXISTS credits_guard ON credits;
        DROP TRIGGER IF EXISTS credits_issue_guard ON credits;
        DROP TRIGGER IF EXISTS evidence_files_guard ON evidence_files;
        DROP TRIGGER IF EXISTS monitored_parameters_guard ON monitored_parameters;
        DROP TRIGGER IF EXISTS monitoring_periods_guard ON monitoring_periods;
        DROP TRIGGER IF EXISTS verification_comments_append_only ON verification_comments;
        DROP TRIGGER IF EXISTS contributions_append_only ON contributions;
        DROP TRIGGER IF EXISTS retirements_append_only ON retirements;
        DROP TRIGGER IF EXISTS credit_transactions_append_only ON credit_transactions;
        DROP FUNCTION IF EXISTS ghg_guard_credit();
        DROP FUNCTION IF EXISTS ghg_guard_credit_issue();
        DROP FUNCTION IF EXISTS ghg_guard_period_content();
        DROP FUNCTION IF EXISTS ghg_guard_period();
        """;

    /// <summary>Stored reports never change and are never deleted (migration Reports).</summary>
    public const string ReportGuards = """
        CREATE TRIGGER reports_append_only BEFORE UPDATE OR DELETE ON reports
            FOR EACH ROW EXECUTE FUNCTION ghg_guard_append_only();
        """;

    public const string DropReportGuards = "DROP TRIGGER IF EXISTS reports_append_only ON reports;";
}
