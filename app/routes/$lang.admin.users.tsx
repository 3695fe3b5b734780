import { getFormProps, getInputProps, getSelectProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorList, Field, SelectField } from "~/components/forms";
import { getFixedT } from "~/i18n/i18next.server";
import { requireUrlLocale } from "~/i18n/locale.server";
import { CreateStaffSchema, PASSWORD_MAX, PASSWORD_MIN, staffRoles } from "~/modules/user/user.schema";
import { createStaffAccount, listStaff } from "~/modules/user/user.server";
import { domainErrorReply } from "~/utils/domain-error.server";
import { requireAdmin } from "~/modules/access/user.server";
import { FormattedDate } from "~/components/formatted";
import { pageMeta } from "~/utils/meta";
import { TableWrap } from "~/components/table-wrap";
import { readFormData, parseSubmission } from "~/utils/form.server";

export const handle = { i18n: ["bureau", "auth", "validation"] };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const locale = await requireUrlLocale(request, params.lang);
  await requireAdmin(request);
  const t = await getFixedT(locale, "bureau");
  const staff = await listStaff();
  return json({
    title: t("staff.title"),
    staff: staff.map((user) => ({ ...user, createdAt: user.createdAt.toISOString() })),
  });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data?.title ?? "");

export async function action({ request, params }: ActionFunctionArgs) {
  await requireUrlLocale(request, params.lang);
  const admin = await requireAdmin(request);
  const submission = parseSubmission(await readFormData(request), { schema: CreateStaffSchema });
  if (submission.status !== "success") {
    return json({ result: submission.reply({ hideFields: ["password"] }), created: null }, { status: 400 });
  }
  try {
    const user = await createStaffAccount(submission.value, { id: admin.id });
    return json({ result: submission.reply({ resetForm: true }), created: user.email });
  } catch (error) {
    const { result, status } = domainErrorReply(error, submission, { hideFields: ["password"] });
    return json({ result, created: null }, { status });
  }
}

export default function StaffPage() {
  const { t } = useTranslation("bureau");
  const { t: tAuth } = useTranslation("auth");
  const { staff } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id: "create-staff",
    lastResult: actionData?.result,
    defaultValue: { role: "BUREAU_STAFF" },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: CreateStaffSchema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  return (
    <div className="stack-lg">
      <h1>{t("staff.title")}</h1>
      <section className="card" aria-labelledby="staff-list-title">
        <h2 id="staff-list-title">{t("staff.list")}</h2>
        <TableWrap label={t("staff.list")}>
          <table>
            <thead>
              <tr>
                <th scope="col">{tAuth("fields.displayName")}</th>
                <th scope="col">{tAuth("fields.email")}</th>
                <th scope="col">{tAuth("account.role")}</th>
                <th scope="col">{t("staff.since")}</th>
              </tr>
            </thead>
            <tbody>
              {staff.map((user) => (
                <tr key={user.id}>
                  <td>{user.displayName}</td>
                  <td>{user.email}</td>
                  <td>{tAuth(`roles.${user.role}`)}</td>
                  <td><FormattedDate value={user.createdAt} /></td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      </section>
      <section className="card" aria-labelledby="staff-create-title">
        <h2 id="staff-create-title">{t("staff.create")}</h2>
        {actionData?.created ? (
          <p className="notice notice--success" role="status">
            {t("staff.created", { email: actionData.created })}
          </p>
        ) : null}
        <Form method="post" {...getFormProps(form)} className="stack">
          <ErrorList id={form.errorId} errors={form.errors} />
          <Field label={tAuth("fields.displayName")} inputProps={getInputProps(fields.displayName, { type: "text" })} errors={fields.displayName.errors} />
          <Field label={tAuth("fields.email")} inputProps={getInputProps(fields.email, { type: "email" })} errors={fields.email.errors} />
          <Field
            label={tAuth("fields.password")}
            hint={tAuth("register.passwordHint", { min: PASSWORD_MIN, max: PASSWORD_MAX })}
            inputProps={{ ...getInputProps(fields.password, { type: "password" }), autoComplete: "new-password" }}
            errors={fields.password.errors}
          />
          <SelectField
            label={tAuth("account.role")}
            selectProps={getSelectProps(fields.role)}
            options={staffRoles.map((role) => ({ value: role, label: tAuth(`roles.${role}`) }))}
            errors={fields.role.errors}
          />
          <button type="submit" className="button" disabled={navigation.state === "submitting"}>
            {t("staff.submit")}
          </button>
        </Form>
      </section>
    </div>
  );
}
