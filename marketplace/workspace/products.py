"""The workspace's products: a form in the supplier's words (new and edit) with the
product's photos and their alternative texts, the catalogue as a spreadsheet (CSV or
XLSX, in the import's columns) and the import of one, with a preview of what each row
will do before anything is saved."""

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView, TemplateView, View
from oscar.core.loading import get_model

from catalogue import imports
from catalogue import services as catalogue_services
from catalogue.forms import ProductPhotoForm, ProductPhotoFormSet, SupplierProductForm
from marketplace.dashboard.catalogue import services as import_services
from marketplace.dashboard.catalogue.models import ProductImport

from .views import WorkspaceMixin

Product = get_model("catalogue", "Product")
SPREADSHEET_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


class ProductFormView(WorkspaceMixin, FormView):
    """A new product (with a first photo, if the member chooses one) or a product's
    details; the page of a product also holds its photos, whose forms post to the views
    below and come back here with their errors."""

    template_name = "workspace/product_form.html"
    form_class = SupplierProductForm
    section = "products"

    @cached_property
    def product(self):
        """The product edited, or None for a new one: only one the supplier sells (another's is a 404)."""
        if "pk" not in self.kwargs:
            return None
        return get_object_or_404(Product, pk=self.kwargs["pk"], stockrecords__partner=self.supplier.partner)

    @cached_property
    def photo_form(self):
        """A new product's optional first photo (bound to what was posted with it); a
        product's page offers an empty one, posted to ProductPhotoAddView."""
        if self.product is None and self.request.method == "POST":
            return ProductPhotoForm(self.request.POST, self.request.FILES, prefix="photo", required=False)
        return ProductPhotoForm(prefix="photo", required=self.product is not None)

    def photo_formset(self, data=None):
        return ProductPhotoFormSet(data, queryset=self.product.images.order_by("display_order", "pk"), prefix="photos")

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "supplier": self.supplier, "product": self.product}

    def get_context_data(self, **kwargs):
        kwargs.setdefault("photo_form", self.photo_form)
        if self.product is not None:
            kwargs.setdefault("photo_formset", self.photo_formset())
        return super().get_context_data(product=self.product, **kwargs)

    def post(self, request, *args, **kwargs):
        form = self.get_form()
        valid = [form.is_valid(), self.photo_form.is_valid()]
        if all(valid):
            return self.form_valid(form)
        if valid[1] and self.photo_form.cleaned_data.get("image"):
            # Browsers never fill a file field again: say so rather than lose the photo silently.
            self.photo_form.add_error("image", _("Choose the photo again once the form is corrected."))
        return self.form_invalid(form)

    def form_valid(self, form):
        try:
            product = imports.product_save(supplier=self.supplier, values=form.row())
        except ValidationError as error:
            for message in error.messages:
                form.add_error(None, message)
            return self.form_invalid(form)
        photo = self.photo_form.cleaned_data
        if self.product is None and photo.get("image"):
            catalogue_services.product_photo_add(
                supplier=self.supplier, product=product, by=self.request.user,
                image=photo["image"], alt_text=photo["alt_text"],
            )  # fmt: skip
        messages.success(self.request, _("“%(title)s” is saved.") % {"title": product.title})
        return redirect("workspace:product-list", slug=self.supplier.slug)


class ProductPhotoBaseView(ProductFormView):
    """The forms of a product's photos: posted here, shown on the product's page."""

    http_method_names = ["post"]

    def get_form_kwargs(self):
        # The product's own form is shown as it is saved, not bound to the photos' post.
        kwargs = super().get_form_kwargs()
        kwargs.pop("data", None)
        kwargs.pop("files", None)
        return kwargs

    def back_to_photos(self):
        url = reverse("workspace:product-edit", kwargs={"slug": self.supplier.slug, "pk": self.product.pk})
        return redirect(f"{url}#photos")


class ProductPhotoAddView(ProductPhotoBaseView):
    def post(self, request, *args, **kwargs):
        photo_form = ProductPhotoForm(request.POST, request.FILES, prefix="photo")
        if not photo_form.is_valid():
            return self.render_to_response(self.get_context_data(photo_form=photo_form))
        catalogue_services.product_photo_add(
            supplier=self.supplier, product=self.product, by=request.user,
            image=photo_form.cleaned_data["image"], alt_text=photo_form.cleaned_data["alt_text"],
        )  # fmt: skip
        messages.success(request, _("The photo is added."))
        return self.back_to_photos()


class ProductPhotosView(ProductPhotoBaseView):
    def post(self, request, *args, **kwargs):
        formset = self.photo_formset(request.POST)
        if not formset.is_valid():
            return self.render_to_response(self.get_context_data(photo_formset=formset))
        catalogue_services.product_photos_update(
            supplier=self.supplier, product=self.product, by=request.user, changes=formset.changes()
        )
        messages.success(request, _("The photos are saved."))
        return self.back_to_photos()


class ProductExportView(WorkspaceMixin, View):
    def get(self, request, slug, fmt):
        if fmt not in SPREADSHEET_TYPES:
            raise Http404(_("Choose CSV or XLSX."))
        rows = imports.supplier_rows(self.supplier)
        content = imports.rows_xlsx(rows) if fmt == "xlsx" else imports.rows_csv(rows)
        response = HttpResponse(content, content_type=SPREADSHEET_TYPES[fmt])
        response["Content-Disposition"] = f'attachment; filename="{self.supplier.slug}-products.{fmt}"'
        return response


class ImportFileForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("Spreadsheet"),
        help_text=gettext_lazy("A .csv (UTF-8, separated by ; or ,) or .xlsx file in the columns of the export."),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > imports.MAX_BYTES:
            raise ValidationError(
                _("The file is larger than %(size)s MB.") % {"size": imports.MAX_BYTES // (1024 * 1024)}
            )
        try:
            self.rows = imports.rows_parse(filename=upload.name, content=upload.read())
        except imports.ImportFileError as error:
            raise ValidationError(str(error)) from None
        return upload


class ProductImportView(WorkspaceMixin, FormView):
    template_name = "workspace/product_import.html"
    form_class = ImportFileForm
    section = "products"

    def get_context_data(self, **kwargs):
        return super().get_context_data(columns=imports.COLUMNS, **kwargs)

    def form_valid(self, form):
        product_import = import_services.import_start(
            supplier=self.supplier, by=self.request.user, filename=form.cleaned_data["file"].name, rows=form.rows
        )
        return redirect("workspace:product-import-preview", slug=self.supplier.slug, pk=product_import.pk)


class ProductImportPreviewView(WorkspaceMixin, TemplateView):
    template_name = "workspace/product_import_preview.html"
    section = "products"

    def get_import(self):
        return get_object_or_404(ProductImport, pk=self.kwargs["pk"], supplier=self.supplier)

    def get_context_data(self, **kwargs):
        product_import = self.get_import()
        return super().get_context_data(
            product_import=product_import, **import_services.import_preview(product_import), **kwargs
        )

    def post(self, request, slug, pk):
        product_import = self.get_import()
        try:
            counts = import_services.import_confirm(product_import=product_import, by=request.user)
        except import_services.AlreadyImported as done:
            messages.info(request, str(done))
            return redirect("workspace:product-list", slug=slug)
        except ValidationError:
            messages.error(request, _("Nothing was imported: correct the rows marked below and upload the file again."))
            return redirect("workspace:product-import-preview", slug=slug, pk=pk)
        messages.success(request, _("Imported: %(created)s new and %(updated)s changed products.") % counts)
        return redirect("workspace:product-list", slug=slug)
