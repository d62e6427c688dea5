// Keeps in a documentation file only the members a user of the package can see:
//   PublicDocumentation ASSEMBLY COMPILER-XML PUBLIC-XML
// The C# compiler writes the doc comments of every member, internal and private ones included, and has no switch to
// leave them out; internal docs in a package are noise in IntelliSense and name types the user cannot use. Visibility
// is read from the built assembly's metadata, and each visible member's documentation id is computed as the C#
// compiler writes it (ECMA-334 annex D); tests/ClaimScrubber.Tests/Packaging checks the result against Roslyn's ids.
using System.Collections.Immutable;
using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Text;
using System.Xml.Linq;

if (args.Length != 3)
{
    Console.Error.WriteLine("usage: PublicDocumentation ASSEMBLY COMPILER-XML PUBLIC-XML");
    return 2;
}

PublicDocumentation.Write(args[0], args[1], args[2]);
return 0;

internal static class PublicDocumentation
{
    /// <summary>Marks a file written here, so that the build never takes it for the compiler's own.</summary>
    public const string Marker = " Public members only: eng/PublicDocumentation ";

    public static void Write(string assembly, string source, string destination)
    {
        HashSet<string> visible;
        using (var stream = File.OpenRead(assembly))
        using (var pe = new PEReader(stream))
        {
            visible = VisibleIds(pe.GetMetadataReader());
        }

        var document = XDocument.Load(source, LoadOptions.PreserveWhitespace);
        if (document.Root is { } root && !root.Nodes().OfType<XComment>().Any(c => c.Value == Marker))
        {
            root.AddFirst(new XComment(Marker));
        }

        var members = document.Root?.Element("members");
        var removed = 0;
        if (members != null)
        {
            foreach (var member in members.Elements("member").ToList())
            {
                var name = (string?)member.Attribute("name");
                if (name == null || !visible.Contains(name))
                {
                    // Drop the whitespace before the member too, so that the file keeps its layout.
                    if (member.PreviousNode is XText text && string.IsNullOrWhiteSpace(text.Value))
                    {
                        text.Remove();
                    }

                    member.Remove();
                    removed++;
                }
            }
        }

        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(destination))!);
        document.Save(destination, SaveOptions.DisableFormatting);
        Console.WriteLine($"{destination}: {removed} members that are not public left out.");
    }

    private static HashSet<string> VisibleIds(MetadataReader reader)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var provider = new IdTypeProvider(reader);
        foreach (var handle in reader.TypeDefinitions)
        {
            var type = reader.GetTypeDefinition(handle);
            if (!IsVisible(reader, type))
            {
                continue;
            }

            var typeId = TypeName(reader, handle);
            ids.Add("T:" + typeId);
            foreach (var fieldHandle in type.GetFields())
            {
                var field = reader.GetFieldDefinition(fieldHandle);
                if (IsVisible(field.Attributes & FieldAttributes.FieldAccessMask))
                {
                    ids.Add("F:" + typeId + "." + MemberName(reader.GetString(field.Name)));
                }
            }

            var visibleMethods = new HashSet<MethodDefinitionHandle>();
            foreach (var methodHandle in type.GetMethods())
            {
                var method = reader.GetMethodDefinition(methodHandle);
                if (!IsVisible((FieldAttributes)(method.Attributes & MethodAttributes.MemberAccessMask)))
                {
                    continue;
                }

                visibleMethods.Add(methodHandle);
                var name = reader.GetString(method.Name);
                var signature = method.DecodeSignature(provider, null);
                var id = "M:" + typeId + "." + MemberName(name);
                var arity = method.GetGenericParameters().Count;
                if (arity > 0)
                {
                    id += "``" + arity;
                }

                id += Parameters(signature.ParameterTypes);
                if (name == "op_Implicit" || name == "op_Explicit")
                {
                    id += "~" + signature.ReturnType;
                }

                ids.Add(id);
            }

            foreach (var propertyHandle in type.GetProperties())
            {
                var property = reader.GetPropertyDefinition(propertyHandle);
                var accessors = property.GetAccessors();
                if (visibleMethods.Contains(accessors.Getter) || visibleMethods.Contains(accessors.Setter))
                {
                    var signature = property.DecodeSignature(provider, null);
                    ids.Add("P:" + typeId + "." + MemberName(reader.GetString(property.Name)) + Parameters(signature.ParameterTypes));
                }
            }

            foreach (var eventHandle in type.GetEvents())
            {
                var @event = reader.GetEventDefinition(eventHandle);
                if (visibleMethods.Contains(@event.GetAccessors().Adder))
                {
                    ids.Add("E:" + typeId + "." + MemberName(reader.GetString(@event.Name)));
                }
            }
        }

        return ids;
    }

    private static bool IsVisible(FieldAttributes access) =>
        access == FieldAttributes.Public || access == FieldAttributes.Family || access == FieldAttributes.FamORAssem;

    private static bool IsVisible(MetadataReader reader, TypeDefinition type)
    {
        switch (type.Attributes & TypeAttributes.VisibilityMask)
        {
            case TypeAttributes.Public:
                return true;
            case TypeAttributes.NestedPublic:
            case TypeAttributes.NestedFamily:
            case TypeAttributes.NestedFamORAssem:
                return IsVisible(reader, reader.GetTypeDefinition(type.GetDeclaringType()));
            default:
                return false;
        }
    }

    private static string Parameters(ImmutableArray<string> parameters) =>
        parameters.Length == 0 ? "" : "(" + string.Join(",", parameters) + ")";

    // Dots inside a member's own name (.ctor, explicit implementations) are written as '#'.
    private static string MemberName(string name) => name.Replace('.', '#');

    /// <summary>The type's id as a definition: namespace, enclosing types, and the name with its arity (Foo`1).</summary>
    private static string TypeName(MetadataReader reader, TypeDefinitionHandle handle)
    {
        var type = reader.GetTypeDefinition(handle);
        var declaring = type.GetDeclaringType();
        if (!declaring.IsNil)
        {
            return TypeName(reader, declaring) + "." + reader.GetString(type.Name);
        }

        var ns = reader.GetString(type.Namespace);
        return ns.Length == 0 ? reader.GetString(type.Name) : ns + "." + reader.GetString(type.Name);
    }

    /// <summary>Writes the types of a signature as documentation ids write them.</summary>
    private sealed class IdTypeProvider : ISignatureTypeProvider<string, object?>
    {
        private readonly MetadataReader reader;

        public IdTypeProvider(MetadataReader reader) => this.reader = reader;

        public string GetPrimitiveType(PrimitiveTypeCode typeCode) => "System." + typeCode switch
        {
            PrimitiveTypeCode.IntPtr => "IntPtr",
            PrimitiveTypeCode.UIntPtr => "UIntPtr",
            _ => typeCode.ToString(),
        };

        public string GetTypeFromDefinition(MetadataReader metadata, TypeDefinitionHandle handle, byte rawTypeKind) => TypeName(metadata, handle);

        public string GetTypeFromReference(MetadataReader metadata, TypeReferenceHandle handle, byte rawTypeKind)
        {
            var reference = metadata.GetTypeReference(handle);
            var name = metadata.GetString(reference.Name);
            if (reference.ResolutionScope.Kind == HandleKind.TypeReference)
            {
                return GetTypeFromReference(metadata, (TypeReferenceHandle)reference.ResolutionScope, rawTypeKind) + "." + name;
            }

            var ns = metadata.GetString(reference.Namespace);
            return ns.Length == 0 ? name : ns + "." + name;
        }

        public string GetTypeFromSpecification(MetadataReader metadata, object? context, TypeSpecificationHandle handle, byte rawTypeKind) =>
            metadata.GetTypeSpecification(handle).DecodeSignature(this, context);

        public string GetSZArrayType(string elementType) => elementType + "[]";

        public string GetArrayType(string elementType, ArrayShape shape) =>
            elementType + "[" + string.Join(",", Enumerable.Range(0, shape.Rank).Select(i =>
                (i < shape.LowerBounds.Length ? shape.LowerBounds[i].ToString(System.Globalization.CultureInfo.InvariantCulture) : "0") + ":"
                + (i < shape.Sizes.Length ? shape.Sizes[i].ToString(System.Globalization.CultureInfo.InvariantCulture) : ""))) + "]";

        public string GetByReferenceType(string elementType) => elementType + "@";

        public string GetPointerType(string elementType) => elementType + "*";

        public string GetPinnedType(string elementType) => elementType;

        public string GetModifiedType(string modifier, string unmodifiedType, bool isRequired) => unmodifiedType;

        public string GetGenericInstantiation(string genericType, ImmutableArray<string> typeArguments)
        {
            // Foo`2 becomes Foo{A,B}; a generic type nested in a generic type takes its own arguments after its outer's.
            var builder = new StringBuilder();
            var next = 0;
            foreach (var part in genericType.Split('.'))
            {
                if (builder.Length > 0)
                {
                    builder.Append('.');
                }

                var tick = part.IndexOf('`');
                if (tick < 0)
                {
                    builder.Append(part);
                    continue;
                }

                var arity = int.Parse(part.AsSpan(tick + 1), System.Globalization.CultureInfo.InvariantCulture);
                builder.Append(part, 0, tick).Append('{').Append(string.Join(",", typeArguments.Skip(next).Take(arity))).Append('}');
                next += arity;
            }

            return builder.ToString();
        }

        public string GetGenericTypeParameter(object? context, int index) => "`" + index;

        public string GetGenericMethodParameter(object? context, int index) => "``" + index;

        public string GetFunctionPointerType(MethodSignature<string> signature) => "=FUNC:" + signature.ReturnType + Parameters(signature.ParameterTypes);
    }
}
