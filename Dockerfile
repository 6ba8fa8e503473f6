# Build stage: restore and publish in Release.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY Directory.Build.props Directory.Packages.props WebhookConsole.sln appsettings.json ./
COPY WebhookConsole/WebhookConsole.csproj WebhookConsole/
RUN dotnet restore WebhookConsole/WebhookConsole.csproj
COPY WebhookConsole/ WebhookConsole/
RUN dotnet publish WebhookConsole/WebhookConsole.csproj -c Release -o /app --no-restore

# Runtime stage: non-root, SQLite data in a volume.
FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
COPY --from=build /app ./
RUN mkdir -p /data && chown app:app /data
USER app
ENV ASPNETCORE_HTTP_PORTS=8080 \
    ConnectionStrings__Default="Data Source=/data/webhookconsole.db"
VOLUME /data
EXPOSE 8080
ENTRYPOINT ["dotnet", "WebhookConsole.dll"]
