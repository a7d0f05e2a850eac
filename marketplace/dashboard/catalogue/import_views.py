"""The operators' import of a supplier's products from a CSV or XLSX file: upload →
preview (each row's errors with its line number, and what would be created or updated)
→ confirm. Suppliers import from their workspace (marketplace.workspace.products); both
go through the same steps (services) and domain logic (`catalogue.imports`)."""

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views import generic

from catalogue import imports
from marketplace.core.forms import OrganisationChoiceField
from marketplace.organisations.models import Supplier

from . import services
from .models import ProductImport


class ProductImportForm(forms.Form):
    supplier = OrganisationChoiceField(label=_("Import for"))
    file = forms.FileField(
        label=_("File"),
        help_text=_("A .csv (UTF-8, separated by ; or ,) or .xlsx file of at most %(size)s MB and %(rows)s rows.")
        % {"size": imports.MAX_BYTES // (1024 * 1024), "rows": imports.MAX_ROWS},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["supplier"].limit_to(Supplier.objects.select_related("partner").order_by("name"))

    def clean(self):
        data = super().clean()
        upload = data.get("file")
        if upload is not None:
            if upload.size > imports.MAX_BYTES:
                raise ValidationError(
                    _("The file is larger than %(size)s MB.") % {"size": imports.MAX_BYTES // (1024 * 1024)}
                )
            try:
                data["rows"] = imports.rows_parse(filename=upload.name, content=upload.read())
            except imports.ImportFileError as error:
                self.add_error("file", str(error))
        return data


class ProductImportUploadView(generic.FormView):
    template_name = "oscar/dashboard/catalogue/product_import.html"
    form_class = ProductImportForm

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["title"] = _("Import products")
        ctx["columns"] = imports.COLUMNS
        ctx["recent_imports"] = ProductImport.objects.select_related("supplier")[:10]
        return ctx

    def form_valid(self, form):
        product_import = services.import_start(
            supplier=form.cleaned_data["supplier"],
            by=self.request.user,
            filename=form.cleaned_data["file"].name,
            rows=form.cleaned_data["rows"],
        )
        return HttpResponseRedirect(reverse("dashboard:catalogue-product-import-preview", args=[product_import.pk]))


class ProductImportObjectMixin:
    def dispatch(self, request, *args, **kwargs):
        self.get_import()  # an unknown import is a 404, whatever the method
        return super().dispatch(request, *args, **kwargs)

    def get_import(self):
        return get_object_or_404(ProductImport.objects.select_related("supplier__partner"), pk=self.kwargs["pk"])


class ProductImportPreviewView(ProductImportObjectMixin, generic.TemplateView):
    template_name = "oscar/dashboard/catalogue/product_import_preview.html"

    def get_context_data(self, **kwargs):
        product_import = self.get_import()
        return super().get_context_data(
            title=_("Preview of %(file)s") % {"file": product_import.filename},
            product_import=product_import,
            **services.import_preview(product_import),
            **kwargs,
        )


class ProductImportConfirmView(ProductImportObjectMixin, generic.View):
    def get(self, request, *args, **kwargs):
        product_import = self.get_import()
        return HttpResponseRedirect(reverse("dashboard:catalogue-product-import-preview", args=[product_import.pk]))

    def post(self, request, *args, **kwargs):
        product_import = self.get_import()
        try:
            counts = services.import_confirm(product_import=product_import, by=request.user)
        except services.AlreadyImported as done:
            messages.info(request, str(done))
            return HttpResponseRedirect(reverse("dashboard:catalogue-product-list"))
        except ValidationError:
            messages.error(request, _("Nothing was imported: correct the errors below and upload the file again."))
            return HttpResponseRedirect(reverse("dashboard:catalogue-product-import-preview", args=[product_import.pk]))
        messages.success(
            request,
            _("Imported %(created)s new and %(updated)s updated products for %(supplier)s.")
            % {**counts, "supplier": product_import.supplier.name},
        )
        return HttpResponseRedirect(reverse("dashboard:catalogue-product-list"))


def template_download(request, fmt):
    if fmt == "xlsx":
        response = HttpResponse(
            imports.template_xlsx(),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
    else:
        response = HttpResponse(imports.template_csv(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="products-template.{fmt}"'
    return response
